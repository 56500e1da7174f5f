package az.asan.mektub.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Localized;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change staff and administrators make, with who made it and when, read back as a sentence in
 * the reader's language ("‹staff member› opened campaign «ASAN Məktub 2026»"), never as raw values.
 * The arguments of a sentence are stored tagged by what they are (a role, regions, a name in three
 * languages, a number, a message key, plain text) so that each is written in the reader's language;
 * the plain {@code detail} beside them stays for older entries and for a look at the table itself.
 */
@Component
public class AuditLog {

	/** What a change was about: the filter of the audit page. */
	public enum Kind {

		PERSON, CAMPAIGN, HANDOVER_POINT, RETENTION, LETTER, JOB

	}

	/** One entry as the audit page shows it. */
	public record Entry(Instant at, Long actorId, String actorName, Kind kind, String action, String sentence) {
	}

	/** What the audit page asks for; any part may be empty. */
	public record Filter(Long actor, Kind kind, LocalDate from, LocalDate to) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}

	}

	private static final char SEPARATOR = '\u001f';

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final RegionOptions regionOptions;

	private final Formats formats;

	AuditLog(JdbcClient jdbc, MessageSource messages, RegionOptions regionOptions, Formats formats) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.regionOptions = regionOptions;
		this.formats = formats;
	}

	/**
	 * Records a change in the caller's transaction. {@code args} are the sentence's arguments after the
	 * actor and the person changed: a {@link Role}, a collection of region ids, a {@link Localized}
	 * name, a number, a {@link Key} or plain text.
	 */
	@Transactional
	public void record(long actorId, Kind kind, String action, Long targetId, String detail, Object... args) {
		jdbc.sql("""
				INSERT INTO audit_log (actor_id, kind, action, target_id, detail, args)
				VALUES (:actor, :kind, :action, :target, :detail, :args)""")
			.param("actor", actorId)
			.param("kind", kind.name())
			.param("action", action)
			.param("target", targetId)
			.param("detail", detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail)
			.param("args", Arrays.stream(args).map(AuditLog::encode).collect(Collectors.joining(String.valueOf(SEPARATOR))))
			.update();
	}

	/** A message key as an argument: written in the reader's language. */
	public record Key(String code) {
	}

	@Transactional(readOnly = true)
	public List<Entry> find(Filter filter, Long targetId, int limit, Locale locale) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		List<String> where = new ArrayList<>();
		if (targetId != null) {
			where.add("a.target_id = :target");
			params.addValue("target", targetId);
		}
		if (filter.actor() != null) {
			where.add("a.actor_id = :actor");
			params.addValue("actor", filter.actor());
		}
		if (filter.kind() != null) {
			where.add("a.kind = :kind");
			params.addValue("kind", filter.kind().name());
		}
		if (filter.from() != null) {
			where.add("a.at >= :from");
			params.addValue("from", java.sql.Timestamp.from(filter.from().atStartOfDay(Formats.BAKU).toInstant()));
		}
		if (filter.to() != null) {
			where.add("a.at < :to");
			params.addValue("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(Formats.BAKU).toInstant()));
		}
		return jdbc.sql("""
				SELECT a.at, a.actor_id, actor.full_name AS actor_name, a.kind, a.action, target.full_name AS target_name,
				       a.detail, a.args
				FROM audit_log a LEFT JOIN app_user actor ON actor.id = a.actor_id LEFT JOIN app_user target ON target.id = a.target_id
				""" + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)) + " ORDER BY a.at DESC, a.id DESC LIMIT :limit")
			.paramSource(params)
			.query((rs, n) -> {
				Kind kind = Kind.valueOf(rs.getString("kind"));
				String actor = rs.getString("actor_name");
				String target = rs.getString("target_name");
				return new Entry(rs.getTimestamp("at").toInstant(), (Long) rs.getObject("actor_id"), actor, kind,
						rs.getString("action"), sentence(rs.getString("action"), actor, target, rs.getString("detail"),
								rs.getString("args"), locale));
			})
			.list();
	}

	/** The people who made changes, for the filter. */
	@Transactional(readOnly = true)
	public List<Option> actors() {
		return jdbc.sql("""
				SELECT u.id, u.full_name FROM app_user u WHERE u.id IN (SELECT DISTINCT actor_id FROM audit_log)
				ORDER BY u.full_name COLLATE "az-x-icu", u.id""")
			.query((rs, n) -> new Option(String.valueOf(rs.getLong("id")), rs.getString("full_name")))
			.list();
	}

	private String sentence(String action, String actor, String target, String detail, String args, Locale locale) {
		String who = actor == null ? "—" : actor;
		String whom = target == null ? "—" : target;
		if (args == null) {
			// written before sentences were kept: the action's name and its plain detail
			String name = messages.getMessage("audit." + action, null, action, locale);
			return messages.getMessage("audit.sentence.legacy",
					new Object[] { who, name, whom, detail == null ? "" : detail }, locale);
		}
		List<Object> values = new ArrayList<>(List.of(who, whom));
		if (!args.isEmpty()) {
			for (String token : args.split(String.valueOf(SEPARATOR), -1)) {
				values.add(decode(token, locale));
			}
		}
		return messages.getMessage("audit.sentence." + action, values.toArray(), action, locale);
	}

	private static String encode(Object value) {
		String token;
		if (value instanceof Role role) {
			token = "role:" + role.name();
		}
		else if (value instanceof Collection<?> regions) {
			token = "regions:" + regions.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		else if (value instanceof Localized name) {
			token = "name:" + name.az() + '\u001e' + name.en() + '\u001e' + name.ru();
		}
		else if (value instanceof Number number) {
			token = "number:" + number;
		}
		else if (value instanceof Key key) {
			token = "key:" + key.code();
		}
		else {
			token = "text:" + value;
		}
		return token.replace(SEPARATOR, ' ');
	}

	private String decode(String token, Locale locale) {
		int colon = token.indexOf(':');
		String type = colon < 0 ? "text" : token.substring(0, colon);
		String value = colon < 0 ? token : token.substring(colon + 1);
		return switch (type) {
			case "role" -> messages.getMessage("role." + value, null, value, locale);
			case "regions" -> value.isEmpty() ? "—" : Arrays.stream(value.split(","))
				.map(id -> regionOptions.name(Integer.valueOf(id)))
				.collect(Collectors.joining(", "));
			case "name" -> {
				String[] names = value.split("\u001e", -1);
				yield names.length == 3 ? new Localized(names[0], names[1], names[2]).in(locale) : value;
			}
			case "number" -> formats.number(new java.math.BigDecimal(value));
			case "key" -> messages.getMessage(value, null, value, locale);
			default -> value;
		};
	}

}
