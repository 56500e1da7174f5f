package az.asan.mektub.account;

import jakarta.validation.constraints.AssertTrue;

/**
 * A form that sets a new password, typed twice: the rules the password must meet beyond its length (which
 * each form checks with {@code @Size} on its own component), declared once for every such form.
 */
public interface NewPassword {

	String password();

	String passwordConfirmation();

	/** A password needs a letter and a digit. */
	@AssertTrue(message = "{password.weak}")
	default boolean isPasswordStrong() {
		return Passwords.strong(password());
	}

	@AssertTrue(message = "{password.mismatch}")
	default boolean isPasswordConfirmed() {
		return password() == null || password().equals(passwordConfirmation());
	}

}
