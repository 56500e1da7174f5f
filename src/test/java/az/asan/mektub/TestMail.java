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

	/**
	 * Mail for an address, waiting up to 20 seconds for it: the app's own outbox job may be sending at
	 * this moment (then a direct run is skipped by its cluster lock), so {@code send} is tried again.
	 */
	public static List<String> awaitBodiesTo(String address, Runnable send) {
		long until = System.currentTimeMillis() + 20_000;
		List<String> bodies = bodiesTo(address);
		while (bodies.isEmpty() && System.currentTimeMillis() < until) {
			send.run();
			bodies = bodiesTo(address);
			if (bodies.isEmpty()) {
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		return bodies;
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

	/**
	 * The first mail to an address holding a text, as the SMTP server received it, asking the outbox to
	 * send ({@code send}) every 250 ms for up to 20 seconds; fails the test if none came.
	 */
	public static String awaitMail(Runnable send, String address, String text) throws InterruptedException {
		for (int i = 0; i < 80; i++) {
			send.run();
			for (String body : bodiesTo(address)) {
				if (body.contains(text)) {
					return body;
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no mail to " + address + " with " + text);
	}

}
