package az.asan.mektub.account;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What staff type to open a volunteer's account; the volunteer sets a password from the invitation.
 * The ASAN service centres ticked on the form are the handover module's ids, handed on with
 * {@link VolunteerCreated}.
 */
public record VolunteerForm(
		@NotBlank @Size(max = 200) @PrintableName String fullName,
		@NotBlank @Email @Size(max = 254)
		@Pattern(regexp = Emails.PRINTABLE_ASCII, message = "{email.ascii}") String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{7,20}$", message = "{phone.invalid}") String phone,
		List<Integer> regionIds, List<Long> handoverPointIds) {

	public VolunteerForm {
		email = Emails.normalize(email);
	}

	public static VolunteerForm empty() {
		return new VolunteerForm("", "", "", List.of(), List.of());
	}

}
