package az.asan.mektub.adoption;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.platform.web.PageShells;
import az.asan.mektub.tree.LetterPageReader;

import org.springframework.stereotype.Component;

/**
 * The signed-in reader's own part of a letter's page: on a letter on the tree, the adoption form, or
 * (a donor at their limit) the reason and the way to their letters, or (an organisation staff have not
 * confirmed) that it waits; on a letter the reader holds, the time left. Read for the reader on each
 * request (a short query or two); the few shapes it takes are rendered once and kept, keyed by all
 * they show and never by the person, with the CSRF placeholder in their form.
 */
@Component
class AdoptionOnLetterPage implements LetterPageReader {

	private final AdoptionManagement adoptions;

	private final DonorLetters donorLetters;

	private final PageShells shells;

	private final HoldCountdowns countdowns;

	AdoptionOnLetterPage(AdoptionManagement adoptions, DonorLetters donorLetters, PageShells shells,
			HoldCountdowns countdowns) {
		this.countdowns = countdowns;
		this.adoptions = adoptions;
		this.donorLetters = donorLetters;
		this.shells = shells;
	}

	@Override
	public boolean holds(LetterOnPage letter, SignedInUser reader) {
		// only a donor holds a letter, and only one that is taken: no query for anyone else
		return reader.role() == Role.DONOR && letter.status().isTaken()
				&& donorLetters.adoptedBy(reader.id(), letter.code()).stream().anyMatch(l -> l.status().isTaken());
	}

	/** Everything a part shows, to keep its rendering by. */
	private record Part(String code, String firstName, AdoptionManagement.ReaderStanding.Kind kind, int limit,
			TimeLeft left) {
	}

	@Override
	public String part(LetterOnPage letter, SignedInUser reader, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Part part;
		boolean donor = reader.role() == Role.DONOR;
		if (letter.status() == LetterStatus.PUBLISHED) {
			// volunteers and staff get the button as before (pressing it says only donors adopt): no query
			AdoptionManagement.ReaderStanding standing = donor
					? adoptions.readerStanding(reader.id(), letter.campaignId(), letter.campaignDonorLimit())
					: new AdoptionManagement.ReaderStanding(AdoptionManagement.ReaderStanding.Kind.MAY_ADOPT, 0, 0);
			part = new Part(letter.code(), letter.firstName(), standing.kind(),
					standing.kind() == AdoptionManagement.ReaderStanding.Kind.AT_LIMIT ? standing.limit() : 0, null);
		}
		else if (letter.status() == LetterStatus.ADOPTED && donor) {
			// the donor who holds it: how long is left, and the way to its page in their letters
			TimeLeft left = donorLetters.adoptedBy(reader.id(), letter.code())
				.stream()
				.filter(l -> l.status() == LetterStatus.ADOPTED && l.dueDate() != null)
				.findFirst()
				.map(l -> TimeLeft.until(l.dueDate(), Instant.now()))
				.orElse(null);
			if (left == null) {
				return "";
			}
			part = new Part(letter.code(), letter.firstName(), null, 0, left);
		}
		else {
			return "";
		}
		return shells.keptPart(part, "adoption/letter-reader", () -> {
			Map<String, Object> model = new HashMap<>();
			model.put("code", part.code());
			model.put("firstName", part.firstName());
			model.put("kind", part.kind() == null ? "HOLDER" : part.kind().name());
			model.put("limit", part.limit());
			model.put("left", part.left());
			model.put("words", countdowns.words(locale));
			return model;
		}, locale, request, response);
	}

}
