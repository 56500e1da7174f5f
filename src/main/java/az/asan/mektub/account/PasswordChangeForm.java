package az.asan.mektub.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordChangeForm(
		@NotBlank String currentPassword,
		@NotBlank @Size(min = 8, max = Passwords.MAX_LENGTH) String password,
		String passwordConfirmation) {

	public static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

	@AssertTrue(message = "{password.weak}")
	public boolean isPasswordStrong() {
		return Passwords.strong(password);
	}

	@AssertTrue(message = "{password.mismatch}")
	public boolean isPasswordConfirmed() {
		return password == null || password.equals(passwordConfirmation);
	}

}
