package az.asan.mektub.tree;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.PaperTree;
import az.asan.mektub.letter.query.TreeLetter;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.PageShells;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A letter's public page: the same for every visitor who has not signed in, and for everyone signed in
 * but for their own part (the adoption form or why they cannot adopt), so it is kept per language and
 * path prefix ({@link CacheConfiguration#LETTER_PAGES}, by {@link LetterPageKey}) and forgotten when the
 * letter changes ({@link KeptLetterPagesForgotten}). The reader's part is made per request by the module
 * that owns adoption ({@link LetterPageReader}).
 */
@Component
class LetterPages {

	/** A page as a visitor gets it: its title and its body with what is theirs put in. */
	record Shown(String title, String body) {
	}

	private final TreeQueries queries;

	private final Campaigns campaigns;

	private final PaperTree paperTree;

	private final HandoverPoints handoverPoints;

	private final Messages messages;

	private final PageShells shells;

	private final Cache letterPages;

	private final org.springframework.beans.factory.ObjectProvider<LetterPageReader> readers;

	LetterPages(TreeQueries queries, Campaigns campaigns, PaperTree paperTree, HandoverPoints handoverPoints,
			Messages messages, PageShells shells, CacheManager caches,
			org.springframework.beans.factory.ObjectProvider<LetterPageReader> readers) {
		this.queries = queries;
		this.campaigns = campaigns;
		this.paperTree = paperTree;
		this.handoverPoints = handoverPoints;
		this.messages = messages;
		this.shells = shells;
		this.letterPages = caches.getCache(CacheConfiguration.LETTER_PAGES);
		this.readers = readers;
	}

	/**
	 * The kept page, with this reader's own part and CSRF token put in. Keyed by all that shapes it: signed
	 * in or not, the language and the path prefix its links carry (a trusted proxy's).
	 */
	Shown kept(String code, SignedInUser user, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		boolean signedIn = user != null;
		LetterPageKey key = new LetterPageKey(signedIn, locale.getLanguage(), request.getContextPath(), code);
		LetterPage page = CacheConfiguration.get(letterPages, key, () -> {
			Map<String, Object> body = new HashMap<>();
			TreeLetter letter = letterModel(code, body);
			// "it found its donor" is said to every reader but the donor holding it, who reads their own
			// words instead: both rendered once, the one for this reader put into a hole per request
			String takenOthers = "";
			String takenHolder = "";
			if (signedIn && ((LetterStatus) body.get("status")).isTaken()) {
				takenOthers = shells.renderPart("tree/letter-taken", Map.of("letter", letter, "holder", false), locale,
						request, response);
				takenHolder = shells.renderPart("tree/letter-taken", Map.of("letter", letter, "holder", true), locale,
						request, response);
				body.put(TAKEN_PART, PageShells.partPlaceholder(TAKEN_PART));
			}
			if (signedIn) {
				// what the reader may do here is theirs alone: a hole in the kept page, filled per request
				body.put(READER_PART, PageShells.partPlaceholder(READER_PART));
			}
			return new LetterPage(messages.get("public.title", letter.firstName()),
					shells.renderPart("tree/letter-body", body, locale, request, response), onPage(letter, body),
					takenOthers, takenHolder);
		});
		if (!signedIn) {
			return new Shown(page.title(), PageShells.forReader(page.body(), request));
		}
		String body = PageShells.withPart(page.body(), TAKEN_PART,
				page.letter().status().isTaken() && holds(page.letter(), user) ? page.takenHolder() : page.takenOthers());
		return new Shown(page.title(), PageShells.forReader(
				PageShells.withPart(body, READER_PART, readerPart(page.letter(), user, locale, request, response)),
				request));
	}

	/** The page read afresh, for its reader alone (right after an adoption was refused): its model. */
	void afresh(String code, SignedInUser user, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		TreeQueries.PublicLetter found = queries.publicLetter(code).orElseThrow(NotFound::new);
		Map<String, Object> body = new HashMap<>();
		TreeLetter letter = letterModel(found, body);
		if (user != null && found.status().isTaken() && holds(onPage(letter, body), user)) {
			body.put("takenHolder", true);
		}
		model.addAllAttributes(body);
		if (user != null) {
			model.addAttribute(READER_PART, PageShells.forReader(
					readerPart(onPage(letter, body), user, locale, request, response), request));
		}
		model.addAttribute("letterTitle", messages.get("public.title", letter.firstName()));
	}

	/** The model attribute of the signed-in reader's own part of a letter's page ({@link LetterPageReader}). */
	static final String READER_PART = "readerPart";

	/** The hole of a signed-in reader's page where "it found its donor" stands, or its holder's words. */
	static final String TAKEN_PART = "takenPart";

	/**
	 * A letter's public page as rendered for visitors (signed in or not), kept for a few seconds, with
	 * what its taken hole holds for the donor holding it and for everyone else.
	 */
	private record LetterPage(String title, String body, LetterPageReader.LetterOnPage letter, String takenOthers,
			String takenHolder) {
	}

	/** Whether the reader is the donor holding the letter (asked of the module that owns adoption). */
	private boolean holds(LetterPageReader.LetterOnPage letter, SignedInUser user) {
		LetterPageReader reader = readers.getIfAvailable();
		return reader != null && user != null && reader.holds(letter, user);
	}

	private static LetterPageReader.LetterOnPage onPage(TreeLetter letter, Map<String, Object> body) {
		Campaign campaign = (Campaign) body.get("campaign");
		return new LetterPageReader.LetterOnPage(letter.code(), letter.firstName(), (LetterStatus) body.get("status"),
				campaign.getId(), campaign.getDonorLimit());
	}

	/** The signed-in reader's part: made for them by the module that owns adoption, or nothing. */
	private String readerPart(LetterPageReader.LetterOnPage letter, SignedInUser user, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		LetterPageReader reader = readers.getIfAvailable();
		return reader == null || user == null ? "" : reader.part(letter, user, locale, request, response);
	}

	private TreeLetter letterModel(String code, Map<String, Object> model) {
		return letterModel(queries.publicLetter(code).orElseThrow(NotFound::new), model);
	}

	private TreeLetter letterModel(TreeQueries.PublicLetter found, Map<String, Object> model) {
		TreeLetter letter = found.letter();
		Campaign campaign = campaigns.findById(letter.campaignId()).orElseThrow(NotFound::new);
		model.put("letter", letter);
		model.put("status", found.status());
		model.put("campaign", campaign);
		if (found.status() == LetterStatus.PUBLISHED) {
			model.put("dueIfAdoptedToday", campaign.holdDueDate(LocalDate.now(Formats.BAKU)));
			// printed for a service centre's paper tree, the letter hangs there too until someone takes it
			paperTree.hangingAt(found.letter().code()).flatMap(handoverPoints::byId)
				.ifPresent(centre -> model.put("paperTreeCentre", centre));
		}
		else if (found.status() != LetterStatus.FULFILLED) {
			model.put("similar", queries.similar(found.letter().code(), 6));
		}
		return letter;
	}

}
