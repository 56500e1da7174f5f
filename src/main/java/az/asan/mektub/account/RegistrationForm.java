package az.asan.mektub.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a donor types to open an account. */
public record RegistrationForm(
		@NotBlank @Size(max = 200) @PrintableName String fullName,
		@NotBlank @Email @Size(max = 254)
		@Pattern(regexp = Emails.PRINTABLE_ASCII, message = "{email.ascii}") String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{7,20}$", message = "{phone.invalid}") String phone,
		@NotBlank @Size(min = 8, max = Passwords.MAX_LENGTH) String password,
		String passwordConfirmation) implements NewPassword {

	public RegistrationForm {
		email = Emails.normalize(email);
	}

	public static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "", "");
	}

}
