package az.asan.mektub.platform.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unguessable bytes for tokens, codes and ids, without a lock that every thread of the server
 * shares. {@code new SecureRandom()} on Linux is {@code NativePRNG}, whose instances all read through
 * one static, synchronized reader (and so is {@code NativePRNGNonBlocking}); under load, session ids,
 * request ids and letter codes queued on it. Here each thread has its own DRBG (NIST SP 800-90A,
 * seeded from the operating system's entropy when the thread first asks, reseeded by the JDK): as
 * strong as before, and a thread only ever locks its own generator.
 */
public final class Randomness {

	private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(Randomness::generator);

	private Randomness() {
	}

	/** {@code count} random bytes. */
	public static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		GENERATOR.get().nextBytes(bytes);
		return bytes;
	}

	/** {@code count} random bytes written as lower-case hexadecimal ({@code 2 × count} characters). */
	public static String hex(int count) {
		return HexFormat.of().formatHex(bytes(count));
	}

	/** A uniformly chosen number from 0 (inclusive) to {@code bound} (exclusive). */
	public static int below(int bound) {
		return GENERATOR.get().nextInt(bound);
	}

	private static SecureRandom generator() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			// Every JDK since 9 has DRBG; should one not, its default strong generator is the fallback.
			return new SecureRandom();
		}
	}

}
