package az.asan.mektub;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail), started once for the whole run on a free port;
 * {@link TestDatabase} points {@code spring.mail.*} at it, so the app sends mail as in production.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			server.start();
		}
		return server;
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

	/** Bodies of the mail received so far by one address, oldest first. */
	public static List<String> bodiesTo(String address) {
		return Arrays.stream(server().getReceivedMessages())
			.filter(m -> recipients(m).contains(address.toLowerCase()))
			.map(TestMail::text)
			.toList();
	}

	/** The decoded text of a message (the wire form is quoted-printable). */
	private static String text(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (Exception ex) {
			return GreenMailUtil.getBody(message);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients()).toLowerCase();
		}
		catch (Exception ex) {
			return "";
		}
	}

}
