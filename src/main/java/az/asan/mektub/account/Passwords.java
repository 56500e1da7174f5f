package az.asan.mektub.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password policy every form shares: 8 to 200 characters with a letter and a digit, or a
 * passphrase of 16 characters or more (words alone are fine then); not one of the passwords people
 * use most (the list in {@code resources/passwords}, with its source and licence); not made of the
 * person's own e-mail address or name with a few digits around; not one character repeated.
 */
final class Passwords {

	static final int PASSPHRASE_LENGTH = 16;

	/** Long passphrases are welcome; stored hashes read every byte of them (see platform.security.PasswordHashing). */
	static final int MAX_LENGTH = 200;

	private Passwords() {
	}

	/** A letter and a digit, unless it is long enough to be a passphrase; length is checked apart. */
	static boolean strong(String password) {
		return password == null || password.length() < 8 || password.length() >= PASSPHRASE_LENGTH
				|| (password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit));
	}

	/**
	 * The message key of what is wrong with a password that passed the length and letter-and-digit
	 * checks, given who will use it; empty when it may be used.
	 */
	static Optional<String> problem(String password, String email, String fullName) {
		if (password == null || password.length() < 8) {
			return Optional.empty();
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (Common.LIST.contains(lower) || lower.codePoints().distinct().count() < 4) {
			return Optional.of("password.common");
		}
		if (personal(lower, email, fullName)) {
			return Optional.of("password.personal");
		}
		return Optional.empty();
	}

	/** The letters of the password are the person's e-mail address, its name part, or their name. */
	private static boolean personal(String lower, String email, String fullName) {
		String letters = letters(lower);
		Set<String> own = new HashSet<>();
		if (email != null && !email.isBlank()) {
			String address = email.strip().toLowerCase(Locale.ROOT);
			if (lower.contains(address)) {
				return true;
			}
			own.add(letters(address));
			own.add(letters(address.contains("@") ? address.substring(0, address.indexOf('@')) : address));
		}
		if (fullName != null && !fullName.isBlank()) {
			String name = fullName.strip().toLowerCase(Locale.forLanguageTag("az"));
			own.add(letters(name));
			for (String part : name.split("\\s+")) {
				own.add(letters(part));
			}
		}
		own.removeIf(s -> s.length() < 3);
		return !letters.isEmpty() && own.stream().anyMatch(s -> s.equals(letters) || (letters.length() >= 3 && letters.length() < 6 && s.contains(letters)));
	}

	private static String letters(String text) {
		return text.codePoints()
			.filter(Character::isLetter)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/** Read once, on first use (about 75 000 lines). */
	private static final class Common {

		static final Set<String> LIST = load();

		private static Set<String> load() {
			Set<String> list = new HashSet<>(100_000);
			try (var in = Passwords.class.getResourceAsStream("/passwords/common-passwords.txt");
					var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (!line.isEmpty()) {
						list.add(line);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Set.copyOf(list);
		}

	}

}
