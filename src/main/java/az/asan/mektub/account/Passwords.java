package az.asan.mektub.account;

/** The password policy every form shares: 8 to 100 characters with a letter and a digit. */
final class Passwords {

	private Passwords() {
	}

	static boolean strong(String password) {
		return password == null || password.length() < 8
				|| (password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit));
	}

}
