package az.asan.mektub.platform.security;

import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.database.OnlineBackup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The secrets of one-time links (pen test 2, item 5). A stored mail never holds a usable link: where
 * the link's token goes it holds a reference ({@code token=_3f2a…_}), and the token is
 * HMAC-SHA256 of that reference under a key that is not in the database ({@code ASAN_MAIL_LINK_SECRET},
 * else a file made once in the data folder). The token is put in when the mail is sent and when the
 * mailbox shows it ({@link #render}); the database keeps only the token's SHA-256
 * ({@code account.AccountTokens}). A copy of the database is therefore no key to any account.
 * <p>
 * All nodes on one database must share the key: its fingerprint is kept in the database, and a node
 * with another key refuses to make or show a link rather than send dead ones.
 */
@Component
public class OneTimeLinks {

	/** A reference where a link's token goes in a stored mail. */
	static final Pattern REFERENCE = Pattern.compile("token=(_[0-9a-f]{24}_)(?![A-Za-z0-9_-])");

	private final String configured;

	private final Path dataDir;

	private final JdbcClient jdbc;

	private volatile SecretKeySpec key;

	public OneTimeLinks(AsanProperties asan, JdbcClient jdbc) {
		this.configured = asan.mail().linkSecret();
		this.dataDir = Path.of(asan.dataDir());
		this.jdbc = jdbc;
	}

	/** A new reference, which stands in a stored mail where the link's token goes. */
	public String newReference() {
		return "_" + Randomness.hex(12) + "_";
	}

	/** The token of a reference: what the link carries. */
	public String token(String reference) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(("link:" + reference).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A stored mail's text with the tokens of its links put in, to be sent or shown to its owner. */
	public String render(String body) {
		if (body == null || !body.contains("token=_")) {
			return body;
		}
		Matcher reference = REFERENCE.matcher(body);
		StringBuilder out = new StringBuilder(body.length() + 64);
		while (reference.find()) {
			reference.appendReplacement(out, Matcher.quoteReplacement("token=" + token(reference.group(1))));
		}
		reference.appendTail(out);
		return out.toString();
	}

	private SecretKeySpec key() {
		SecretKeySpec known = key;
		if (known == null) {
			synchronized (this) {
				if (key == null) {
					byte[] secret = secret().getBytes(StandardCharsets.UTF_8);
					agreeWithOtherNodes(secret);
					key = new SecretKeySpec(secret, "HmacSHA256");
				}
				known = key;
			}
		}
		return known;
	}

	/** The key from asan.mail.link-secret, else from the data folder's key file (made once, readable by the app alone). */
	String secret() {
		if (StringUtils.hasText(configured)) {
			return configured.strip();
		}
		Path file = dataDir.resolve("link-secret");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(dataDir);
				byte[] bytes = Randomness.bytes(32);
				try {
					// made readable by the app's own user alone before the key goes in: the key and a copy
					// of the database would let anyone compute every open link
					Files.createFile(file);
					OnlineBackup.ownerOnly(file, false);
					Files.writeString(file, HexFormat.of().formatHex(bytes), StandardOpenOption.TRUNCATE_EXISTING);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// another thread or process made it first: use theirs
				}
			}
			// a key file written by an older version was readable by everyone
			OnlineBackup.ownerOnly(file, false);
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The key of one-time links cannot be kept in " + file
					+ "; set ASAN_MAIL_LINK_SECRET", ex);
		}
	}

	/** The first node writes the key's fingerprint; a node with another key stops here. */
	private void agreeWithOtherNodes(byte[] secret) {
		String fingerprint;
		try {
			fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
					("asan-link-secret:" + new String(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		jdbc.sql("INSERT INTO link_secret_fingerprint (id, fingerprint) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
			.param(fingerprint)
			.update();
		String agreed = jdbc.sql("SELECT fingerprint FROM link_secret_fingerprint WHERE id = 1").query(String.class).single();
		if (!agreed.equals(fingerprint)) {
			throw new IllegalStateException("This node's key of one-time links (ASAN_MAIL_LINK_SECRET, else "
					+ dataDir.resolve("link-secret") + ") differs from the one the other nodes on this database use: "
					+ "set ASAN_MAIL_LINK_SECRET to the same value on every node (to change the key on purpose, "
					+ "DELETE FROM link_secret_fingerprint once every node has the new one; unused links then stop working)");
		}
	}

}
