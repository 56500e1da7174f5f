package az.asan.mektub.adoption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the volunteer at a centre's desk types when a citizen brings a tag from the paper tree. */
public record WalkInForm(
		@NotBlank @Size(max = 40) String code,
		@NotBlank @Size(max = 120) @az.asan.mektub.account.PrintableName String donorName,
		// one message for an empty and a wrong number alike, saying what to type (never the pattern);
		// the page always sends the field, so @NotNull (the generic message) only guards a forged request
		@NotNull @Pattern(regexp = "\\s*\\+?[0-9 ()-]{7,20}\\s*",
				message = "{walkIn.donorPhone.invalid}") String donorPhone,
		@NotNull Long handoverPointId) {

	public static WalkInForm forCode(String code) {
		return new WalkInForm(code == null ? "" : code, "", "", null);
	}

}
