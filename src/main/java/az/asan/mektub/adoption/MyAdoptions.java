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
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.letter.thanks.ChildThanks;
import az.asan.mektub.platform.i18n.Formats;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a donor sees of the letters they adopted: the public facts, where it stands, the days left,
 * the steps since they took it (never who did them), the handover point, their messages and the
 * child's approved thank-you. Four queries, however many letters.
 */
@Component
class MyAdoptions {

	/** A step; {@code movedToPointId} when the gift is now expected at another centre (0: not named). */
	record Step(LetterStatus status, Instant at, Long movedToPointId) {

		public boolean moved() {
			return movedToPointId != null;
		}

	}

	record Adoption(long id, String code, String firstName, int age, int regionId, String publicWish,
			Category category, BigDecimal estimatedCost, LetterStatus status, LocalDate dueDate, Long handoverPointId,
			Instant adoptedAt, LocalDate fulfilledOn, String giftTagCode, List<Step> steps,
			List<DonorMessages.Message> messages, ChildThanks.Shown thanks) {

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

	private final DonorLetters donorLetters;

	private final DonorMessages messages;

	private final ChildThanks thanks;

	MyAdoptions(DonorLetters donorLetters, DonorMessages messages, ChildThanks thanks) {
		this.donorLetters = donorLetters;
		this.messages = messages;
		this.thanks = thanks;
	}

	/** A page of a donor's list, and how many letters they have in all. */
	record ListPage(List<Adoption> adoptions, long total) {
	}

	/**
	 * A page of a donor's letters as their list shows them (under way first, then the fulfilled ones,
	 * newest first): without the steps and messages, which only a letter's own page shows, but with the
	 * child's approved thank-yous. One statement.
	 */
	ListPage page(long donorId, int page, int pageSize) {
		DonorLetters.DonorLetterPage found = donorLetters.adoptedBy(donorId, (page - 1) * pageSize, pageSize);
		Map<Long, ChildThanks.Shown> thanked = found.thanks();
		return new ListPage(found.letters()
			.stream()
			.map(a -> new Adoption(a.id(), a.code(), a.firstName(), a.age(), a.regionId(), a.publicWish(), a.category(),
					a.estimatedCost(), a.status(), a.dueDate(), a.handoverPointId(), a.adoptedAt(), a.fulfilledOn(),
					a.giftTagCode(), List.of(), List.of(), thanked.get(a.id())))
			.toList(), found.total());
	}

	@Transactional(readOnly = true)
	Optional<Adoption> one(long donorId, String code) {
		return load(donorId, code).stream().findFirst();
	}

	private List<Adoption> load(long donorId, String code) {
		List<DonorLetters.DonorLetter> letters = donorLetters.adoptedBy(donorId, code);
		if (letters.isEmpty()) {
			return List.of();
		}
		List<Long> idList = letters.stream().map(DonorLetters.DonorLetter::id).toList();
		Long[] ids = idList.toArray(Long[]::new);
		Map<Long, List<Step>> steps = donorLetters.stepsSinceAdoption(idList)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> e.getValue().stream().map(s -> new Step(s.status(), s.at(), s.movedToPointId())).toList()));
		Map<Long, List<DonorMessages.Message>> written = messages.writtenBy(donorId, List.of(ids))
			.stream()
			.collect(Collectors.groupingBy(DonorMessages.Message::letterId));
		Map<Long, ChildThanks.Shown> thanked = thanks.approvedFor(donorId, idList);
		return letters.stream()
			.map(a -> new Adoption(a.id(), a.code(), a.firstName(), a.age(), a.regionId(), a.publicWish(), a.category(),
					a.estimatedCost(), a.status(), a.dueDate(), a.handoverPointId(), a.adoptedAt(), a.fulfilledOn(),
					a.giftTagCode(), steps.getOrDefault(a.id(), List.of()), written.getOrDefault(a.id(), List.of()),
					thanked.get(a.id())))
			.toList();
	}

}
