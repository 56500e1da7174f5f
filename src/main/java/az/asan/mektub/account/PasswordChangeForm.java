package az.asan.mektub.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordChangeForm(
		@NotBlank String currentPassword,
		@NotBlank @Size(min = 8, max = Passwords.MAX_LENGTH) String password,
		String passwordConfirmation) implements NewPassword {

	public static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
