package az.asan.mektub.adoption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.DonorMessages;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.system.Formats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a donor sees of the letters they adopted: the public facts, where it stands, the days left,
 * the steps since they took it (never who did them), the handover point and their messages. Three
 * queries, however many letters.
 */
@Component
class MyAdoptions {

	record Step(LetterStatus status, Instant at) {
	}

	record Adoption(long id, String code, String firstName, int age, int regionId, String publicWish,
			Category category, BigDecimal estimatedCost, LetterStatus status, LocalDate dueDate, Long handoverPointId,
			Instant adoptedAt, LocalDate fulfilledOn, String giftTagCode, List<Step> steps,
			List<DonorMessages.Message> messages) {

		public long daysLeft() {
			return dueDate == null ? 0 : ChronoUnit.DAYS.between(LocalDate.now(Formats.BAKU), dueDate);
		}

		public boolean holding() {
			return status == LetterStatus.ADOPTED;
		}

		public boolean mayWrite() {
			return status == LetterStatus.ADOPTED || status == LetterStatus.GIFT_RECEIVED;
		}

	}

	private final JdbcClient jdbc;

	private final DonorMessages messages;

	MyAdoptions(JdbcClient jdbc, DonorMessages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	List<Adoption> of(long donorId) {
		return load(donorId, null);
	}

	@Transactional(readOnly = true)
	Optional<Adoption> one(long donorId, String code) {
		return load(donorId, code).stream().findFirst();
	}

	private List<Adoption> load(long donorId, String code) {
		List<Adoption> letters = jdbc.sql("""
				SELECT id, code, first_name, age, region_id, public_wish, category, estimated_cost, status, due_date,
				       handover_point_id, adopted_at, fulfilled_on, gift_tag_code
				FROM letter
				WHERE donor_id = :donor AND status IN ('ADOPTED', 'GIFT_RECEIVED', 'FULFILLED')
				  AND (CAST(:code AS varchar) IS NULL OR code = CAST(:code AS varchar))
				ORDER BY (status = 'FULFILLED'), adopted_at DESC LIMIT 500""")
			.param("donor", donorId)
			.param("code", code)
			.query((rs, n) -> new Adoption(rs.getLong("id"), rs.getString("code"), rs.getString("first_name"),
					rs.getInt("age"), rs.getInt("region_id"), rs.getString("public_wish"),
					Category.valueOf(rs.getString("category")), rs.getBigDecimal("estimated_cost"),
					LetterStatus.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class),
					(Long) rs.getObject("handover_point_id"), rs.getTimestamp("adopted_at").toInstant(),
					rs.getObject("fulfilled_on", LocalDate.class), rs.getString("gift_tag_code"), List.of(), List.of()))
			.list();
		if (letters.isEmpty()) {
			return letters;
		}
		Long[] ids = letters.stream().map(Adoption::id).toArray(Long[]::new);
		Map<Long, List<Step>> steps = jdbc.sql("""
				SELECT h.letter_id, h.to_status, h.changed_at FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE h.letter_id = ANY(CAST(:ids AS bigint[])) AND h.to_status IN ('ADOPTED', 'GIFT_RECEIVED', 'FULFILLED')
				  AND h.changed_at >= l.adopted_at - interval '1 second'
				ORDER BY h.changed_at, h.id""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong("letter_id"),
					new Step(LetterStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("changed_at").toInstant())))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<Long, List<DonorMessages.Message>> written = messages.of(List.of(ids))
			.stream()
			.collect(Collectors.groupingBy(DonorMessages.Message::letterId));
		return letters.stream()
			.map(a -> new Adoption(a.id(), a.code(), a.firstName(), a.age(), a.regionId(), a.publicWish(), a.category(),
					a.estimatedCost(), a.status(), a.dueDate(), a.handoverPointId(), a.adoptedAt(), a.fulfilledOn(),
					a.giftTagCode(), steps.getOrDefault(a.id(), List.of()), written.getOrDefault(a.id(), List.of())))
			.toList();
	}

}
