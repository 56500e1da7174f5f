package az.asan.mektub.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a company or association types to register as a donor: its name and VÖEN (Azerbaijan's
 * taxpayer number, ten digits), the person who acts for it, and that person's sign-in. The address
 * and password follow the same rules as a person's registration ({@link RegistrationForm}).
 */
public record OrganisationRegistrationForm(
		@NotBlank @Size(max = 200) @PrintableName String organisationName,
		@Pattern(regexp = VOEN, message = "{voen.invalid}") String voen,
		@NotBlank @Size(max = 200) @PrintableName String contactName,
		@NotBlank @Email @Size(max = 254)
		@Pattern(regexp = Emails.PRINTABLE_ASCII, message = "{email.ascii}") String email,
		@NotBlank @Size(min = 8, max = Passwords.MAX_LENGTH) String password,
		String passwordConfirmation) implements NewPassword {

	/** A VÖEN: exactly ten ASCII digits (an empty field is refused with the same message). */
	static final String VOEN = "^[0-9]{10}$";

	public OrganisationRegistrationForm {
		email = Emails.normalize(email);
		// spaces a person puts between groups of digits, or copies around the number, are not part of it
		voen = voen == null ? "" : voen.replace(" ", "").replace("\u00a0", "").strip();
	}

	public static OrganisationRegistrationForm empty() {
		return new OrganisationRegistrationForm("", "", "", "", "", "");
	}

}
