package az.asan.mektub.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored. bcrypt reads at most 72 bytes (and Spring's refuses more), which a
 * passphrase of 25 Azerbaijani letters already exceeds. New hashes are {@code {bcrypt-sha256}}:
 * bcrypt of the Base64 of the password's SHA-256 (44 characters, whatever the length), so every
 * byte of a long passphrase counts. Hashes stored before, {@code {bcrypt}} or bare bcrypt, still
 * verify; a password over 72 bytes simply does not match them.
 */
final class PasswordHashing {

	static final String DEFAULT_ID = "bcrypt-sha256";

	private PasswordHashing() {
	}

	static PasswordEncoder encoder() {
		PasswordEncoder bcrypt = new ShortBcrypt();
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(DEFAULT_ID,
				Map.of(DEFAULT_ID, new PreHashedBcrypt(), "bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}

	/** bcrypt over the SHA-256 of the password, Base64-encoded (the "bcrypt-sha256" scheme of passlib). */
	static final class PreHashedBcrypt implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return bcrypt.encode(preHash(rawPassword));
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return rawPassword != null && bcrypt.matches(preHash(rawPassword), encodedPassword);
		}

		private static String preHash(CharSequence rawPassword) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
				return Base64.getEncoder().encodeToString(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** The hashes stored before: a password longer than bcrypt reads cannot be theirs. */
	static final class ShortBcrypt implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword == null || rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > 72) {
				return false;
			}
			return bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
