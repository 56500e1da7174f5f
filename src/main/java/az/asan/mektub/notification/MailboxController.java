package az.asan.mektub.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.security.OneTimeLinks;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The local mailbox of the zero-setup default: a signed-in person reads the mail addressed to them,
 * sent or not. A real deployment with SMTP switches it off ({@code asan.mail.mailbox=false}).
 */
@Controller
class MailboxController {

	record Message(String subject, String body, Instant createdAt, Instant sentAt, List<Part> parts) {
	}

	/** A piece of a mail's text; a link (to this app only) when {@code href} is set. */
	record Part(String text, String href) {
	}

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final JdbcClient jdbc;

	private final boolean enabled;

	private final Links links;

	private final OneTimeLinks oneTimeLinks;

	MailboxController(JdbcClient jdbc, AsanProperties asan, Links links, OneTimeLinks oneTimeLinks) {
		this.oneTimeLinks = oneTimeLinks;
		this.jdbc = jdbc;
		this.enabled = asan.mailboxOpen();
		this.links = links;
	}

	/**
	 * The mail's text with the addresses of this app as links, as a mail program shows them; any
	 * other address stays text. The template escapes every part.
	 */
	static List<Part> parts(String body, String base) {
		List<Part> parts = new ArrayList<>();
		Matcher link = LINK.matcher(body);
		int at = 0;
		while (link.find()) {
			String url = link.group();
			int end = url.length();
			while (end > 0 && ".,;:!?)»”'".indexOf(url.charAt(end - 1)) >= 0) {
				end--;
			}
			url = url.substring(0, end);
			if (!(url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?"))) {
				continue;
			}
			if (link.start() > at) {
				parts.add(new Part(body.substring(at, link.start()), null));
			}
			parts.add(new Part(url, url));
			at = link.start() + url.length();
		}
		if (at < body.length()) {
			parts.add(new Part(body.substring(at), null));
		}
		return parts;
	}

	@GetMapping("/me/mailbox")
	String mailbox(Authentication authentication, Model model) {
		if (!enabled) {
			throw new NotFound();
		}
		String base = links.absolute("");
		model.addAttribute("messages", jdbc.sql("""
				SELECT subject, body, created_at, sent_at FROM mail_outbox
				WHERE lower(recipient) = lower(?) ORDER BY created_at DESC, id DESC LIMIT 50""")
			.param(authentication.getName())
			.query((rs, n) -> {
				// the stored mail holds references; its owner sees the links' tokens (platform.security.OneTimeLinks)
				String body = oneTimeLinks.render(rs.getString("body"));
				return new Message(rs.getString("subject"), body, rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
						parts(body, base));
			})
			.list());
		return "account/mailbox";
	}

}
