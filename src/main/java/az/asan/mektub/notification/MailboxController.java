package az.asan.mektub.notification;

import java.time.Instant;

import az.asan.mektub.system.NotFound;

import org.springframework.beans.factory.annotation.Value;
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

	record Message(String subject, String body, Instant createdAt, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	private final boolean enabled;

	MailboxController(JdbcClient jdbc, @Value("${asan.mail.mailbox:${asan.demo:false}}") boolean enabled) {
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	@GetMapping("/me/mailbox")
	String mailbox(Authentication authentication, Model model) {
		if (!enabled) {
			throw new NotFound();
		}
		model.addAttribute("messages", jdbc.sql("""
				SELECT subject, body, created_at, sent_at FROM mail_outbox
				WHERE lower(recipient) = lower(?) ORDER BY created_at DESC, id DESC LIMIT 50""")
			.param(authentication.getName())
			.query((rs, n) -> new Message(rs.getString("subject"), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
			.list());
		return "account/mailbox";
	}

}
