package az.asan.mektub.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.platform.web.CacheConfiguration;
import az.asan.mektub.platform.i18n.Collation;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Localized;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class HandoverPoints {

	private static final String SELECT = """
			SELECT id, region_id, name_az, name_en, name_ru, address, address_en, address_ru, hours, hours_en, hours_ru,
			       accepting
			FROM handover_point\s""";

	private final JdbcClient jdbc;

	private final Cache shown;

	private final AuditLog auditLog;

	private final Collation collation;

	HandoverPoints(JdbcClient jdbc, CacheManager caches, AuditLog auditLog, Collation collation) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.collation = collation;
		this.shown = caches.getCache(CacheConfiguration.HANDOVER_POINTS);
	}

	/** Every centre, by its name in the reader's alphabetical order (Azerbaijani, English or Russian). */
	public List<HandoverPoint> all() {
		return inReadersOrder(inAzerbaijaniOrder());
	}

	private List<HandoverPoint> inAzerbaijaniOrder() {
		return jdbc.sql(SELECT + "ORDER BY name_az COLLATE \"az-x-icu\", id").query(HandoverPoints::map).list();
	}

	/**
	 * Every centre, to name the ones a page shows (a donor's letters): read once every few seconds,
	 * never used to decide anything — forms that offer or check a centre read {@link #accepting()}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<HandoverPoint> shown() {
		return inReadersOrder(CacheConfiguration.get(shown, "all", this::inAzerbaijaniOrder));
	}

	public List<HandoverPoint> accepting() {
		return inReadersOrder(
				jdbc.sql(SELECT + "WHERE accepting ORDER BY name_az COLLATE \"az-x-icu\", id").query(HandoverPoints::map).list());
	}

	/** The centres by their names as the reader reads them; ties keep the database's order. */
	private List<HandoverPoint> inReadersOrder(List<HandoverPoint> points) {
		Locale locale = Formats.current();
		return "az".equals(locale.getLanguage()) ? points : collation.sort(points, p -> p.name(locale), locale);
	}

	/**
	 * The centres a volunteer works at: accepting, in the volunteer's regions. The one list of the desk's
	 * forms (walk-in, handover desk, gift received), so that they offer the same centres.
	 */
	public List<HandoverPoint> atDesk(RegionScope scope) {
		return accepting().stream().filter(p -> scope.includes(p.regionId())).toList();
	}

	/**
	 * The centres of a person's desk: accepting, and either one they work at or one of their regions
	 * (issue 22: a centre takes gifts of children of every region).
	 */
	public List<HandoverPoint> atDesk(DeskScope desk) {
		return accepting().stream().filter(p -> desk.worksAt(p.id()) || desk.regions().includes(p.regionId())).toList();
	}

	/** What the desk of this person covers: the centres they work at and their regions. */
	public DeskScope deskScope(long userId, RegionScope regions) {
		return regions.isAll() ? DeskScope.all() : new DeskScope(regions, centresOf(userId));
	}

	/**
	 * The centres a volunteer works at (assigned by staff). One statement, read on every request of the
	 * desk: it joins a transaction it is called in and opens none of its own (a read-only one cost the desk
	 * an entity manager and a COMMIT round trip per request).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public java.util.Set<Long> centresOf(long userId) {
		return java.util.Set.copyOf(jdbc.sql("SELECT handover_point_id FROM volunteer_handover_point WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.list());
	}

	/**
	 * Staff assign the centres a volunteer works at; unknown ids are ignored. A change is in the audit
	 * log (when an actor is given: the demo data has none).
	 */
	@Transactional
	public boolean assignCentres(long userId, java.util.Collection<Long> pointIds, Long actorId) {
		java.util.Set<Long> before = centresOf(userId);
		java.util.Set<Long> after = pointIds == null ? java.util.Set.of()
				: pointIds.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
		after = java.util.Set.copyOf(jdbc.sql("SELECT id FROM handover_point WHERE id = ANY(CAST(:ids AS bigint[]))")
			.param("ids", after.toArray(Long[]::new))
			.query(Long.class)
			.list());
		if (before.equals(after)) {
			return false;
		}
		jdbc.sql("DELETE FROM volunteer_handover_point WHERE user_id = ?").param(userId).update();
		for (Long id : after) {
			jdbc.sql("INSERT INTO volunteer_handover_point (user_id, handover_point_id) VALUES (?, ?)")
				.params(userId, id)
				.update();
		}
		if (actorId != null) {
			auditLog.record(actorId, AuditLog.Kind.PERSON, "CENTRES", userId,
					"centres " + new java.util.TreeSet<>(before) + " → " + new java.util.TreeSet<>(after), after.size());
		}
		return true;
	}

	/**
	 * The centres staff ticked on the form that opened a volunteer's account: saved, with their audit
	 * row, in the transaction that opens the account, so that both are there or neither.
	 */
	@org.springframework.context.event.EventListener
	@Transactional
	public void assignCentresOfANewVolunteer(az.asan.mektub.account.VolunteerCreated created) {
		if (!created.handoverPointIds().isEmpty()) {
			assignCentres(created.volunteerId(), created.handoverPointIds(), created.actorId());
		}
	}

	public Optional<HandoverPoint> byId(Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(HandoverPoints::map).optional();
	}

	@Transactional
	public long create(HandoverPointForm form) {
		shown.clear();
		return jdbc.sql("""
				INSERT INTO handover_point (region_id, name_az, name_en, name_ru, address, address_en, address_ru,
				                            hours, hours_en, hours_ru, accepting)
				VALUES (:region, :az, :en, :ru, :address, :addressEn, :addressRu, :hours, :hoursEn, :hoursRu, :accepting)
				RETURNING id""")
			.paramSource(params(form))
			.query(Long.class)
			.single();
	}

	@Transactional
	public boolean update(long id, HandoverPointForm form) {
		shown.clear();
		return jdbc.sql("""
				UPDATE handover_point SET region_id = :region, name_az = :az, name_en = :en, name_ru = :ru,
				       address = :address, address_en = :addressEn, address_ru = :addressRu,
				       hours = :hours, hours_en = :hoursEn, hours_ru = :hoursRu, accepting = :accepting,
				       version = version + 1
				WHERE id = :id""")
			.paramSource(params(form).addValue("id", id))
			.update() == 1;
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(HandoverPointForm form) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("region", form.regionId())
			.addValue("az", form.nameAz().strip())
			.addValue("en", form.nameEn().strip())
			.addValue("ru", form.nameRu().strip())
			.addValue("address", form.address().strip())
			.addValue("addressEn", optional(form.addressEn()))
			.addValue("addressRu", optional(form.addressRu()))
			.addValue("hours", form.hours().strip())
			.addValue("hoursEn", optional(form.hoursEn()))
			.addValue("hoursRu", optional(form.hoursRu()))
			.addValue("accepting", Boolean.TRUE.equals(form.accepting()));
	}

	/** An English or Russian text left empty is kept as missing: the page shows the Azerbaijani one. */
	private static String optional(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static HandoverPoint map(ResultSet rs, int row) throws SQLException {
		return new HandoverPoint(rs.getLong("id"), rs.getInt("region_id"),
				new Localized(rs.getString("name_az"), rs.getString("name_en"), rs.getString("name_ru")),
				new Localized(rs.getString("address"), rs.getString("address_en"), rs.getString("address_ru")),
				new Localized(rs.getString("hours"), rs.getString("hours_en"), rs.getString("hours_ru")),
				rs.getBoolean("accepting"));
	}

}
