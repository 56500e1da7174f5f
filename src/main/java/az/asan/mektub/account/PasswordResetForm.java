package az.asan.mektub.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordResetForm(
		String token,
		@NotBlank @Size(min = 8, max = Passwords.MAX_LENGTH) String password,
		String passwordConfirmation) implements NewPassword {

}
