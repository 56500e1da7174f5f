package az.asan.mektub.letter;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.system.Collation;
import az.asan.mektub.system.Formats;
import az.asan.mektub.system.Messages;
import az.asan.mektub.system.ShortLivedCache;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's desk: the state of the letters in their regions, what waits for review, what
 * came back incomplete, and the forgotten letters, with quick actions that work as plain forms and,
 * with htmx, without reloading the page.
 */
@Controller
class VolunteerDeskController {

	static final int LIST_SIZE = 10;

	private final AccountManagement accounts;

	private final RegionOptions regionOptions;

	private final ForgottenLetters forgotten;

	private final LetterManagement letters;

	private final Messages messages;

	private final JdbcClient jdbc;

	private final Collation collation;

	private final ShortLivedCache<Shared> shared;

	VolunteerDeskController(AccountManagement accounts, RegionOptions regionOptions, ForgottenLetters forgotten,
			LetterManagement letters, Messages messages, JdbcClient jdbc, Collation collation,
			@Value("${asan.desk.cache-seconds:5}") int cacheSeconds) {
		this.shared = new ShortLivedCache<>(java.time.Duration.ofSeconds(cacheSeconds), 1_000);
		this.collation = collation;
		this.accounts = accounts;
		this.regionOptions = regionOptions;
		this.forgotten = forgotten;
		this.letters = letters;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	record QueueRow(String code, String firstName, int age, int regionId, String reason, String note) {
	}

	/**
	 * What the desk shows that depends only on the regions, not on the person: the same for every
	 * volunteer with the same regions, so it is read once every few seconds per set of regions.
	 */
	private record Shared(Map<LetterStatus, Long> counts, java.util.List<QueueRow> review,
			Map<ForgottenLetters.Kind, Long> forgottenCounts, Map<ForgottenLetters.Kind, java.util.List<ForgottenLetters.Row>> forgotten) {
	}

	@GetMapping("/volunteer")
	String desk(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		RegionScope scope = accounts.regionScope(user);
		String key = scope.isAll() ? "all"
				: scope.regionIds().stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
		// Right after an action (its message is shown) the desk is read afresh, so the person sees its effect.
		boolean afterAction = model.containsAttribute("success") || model.containsAttribute("failure");
		Shared shared = afterAction ? shared(scope) : this.shared.get(key, () -> shared(scope));
		if (afterAction) {
			this.shared.put(key, shared);
		}
		model.addAttribute("counts", shared.counts());
		model.addAttribute("allRegions", scope.isAll());
		model.addAttribute("regionNames", scope.isAll() ? java.util.List.of()
				: collation.sort(scope.regionIds().stream().map(regionOptions::name).toList(), name -> name));
		model.addAttribute("noRegions", scope.isEmpty());
		model.addAttribute("review", shared.review());
		model.addAttribute("sentBack", queue("l.status = 'INCOMPLETE' AND l.registered_by = :me", scope, user.id()));
		model.addAttribute("forgottenCounts", shared.forgottenCounts());
		model.addAttribute("forgotten", shared.forgotten());
		model.addAttribute("unadoptedDays", forgotten.unadoptedDays());
		model.addAttribute("undeliveredDays", forgotten.undeliveredDays());
		return "volunteer/desk";
	}

	private Shared shared(RegionScope scope) {
		Map<LetterStatus, Long> counts = new EnumMap<>(LetterStatus.class);
		for (LetterStatus status : LetterStatus.values()) {
			counts.put(status, 0L);
		}
		// from the counts the triggers keep (see LetterCounts), not by counting the letters themselves
		jdbc.sql("""
				SELECT k.status, sum(k.letters) AS n FROM (
				    SELECT campaign_id, region_id, status, letters FROM letter_count
				    UNION ALL SELECT campaign_id, region_id, status, letters FROM letter_count_delta) k
				JOIN campaign c ON c.id = k.campaign_id AND c.status <> 'CLOSED'
				WHERE (CAST(:regions AS integer[]) IS NULL OR k.region_id = ANY(CAST(:regions AS integer[])))
				GROUP BY k.status""")
			.param("regions", scope.sqlArray())
			.query((rs, n) -> Map.entry(LetterStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		java.util.List<QueueRow> review = queue("l.status = 'RECEIVED'", scope, null);
		Map<ForgottenLetters.Kind, Long> forgottenCounts = forgotten.counts(scope);
		Map<ForgottenLetters.Kind, java.util.List<ForgottenLetters.Row>> lists = new EnumMap<>(ForgottenLetters.Kind.class);
		for (ForgottenLetters.Kind kind : ForgottenLetters.Kind.values()) {
			lists.put(kind, forgotten.list(kind, scope, LIST_SIZE));
		}
		return new Shared(counts, review, forgottenCounts, lists);
	}

	/** The gift reached the child today: the commonest last step, one click from the forgotten list. */
	@PostMapping("/volunteer/quick/{code}/handed-today")
	@LetterRefusals.Otherwise("/volunteer")
	String handedToday(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		return quick(code, htmx, model, redirect, "letter.fulfilled", () -> letters.fulfil(code,
				accounts.regionScope(user), user.id(), LocalDate.now(Formats.BAKU), null, null));
	}

	/** A hold past its due date goes back on the tree now, without waiting for the nightly job. */
	@PostMapping("/volunteer/quick/{code}/release")
	@LetterRefusals.Otherwise("/volunteer")
	String release(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		return quick(code, htmx, model, redirect, "letter.released",
				() -> letters.releaseOverdueHold(code, accounts.regionScope(user), user.id()));
	}

	private String quick(String code, String htmx, Model model, RedirectAttributes redirect, String successKey,
			Runnable action) {
		String message;
		boolean ok;
		try {
			action.run();
			message = messages.get(successKey);
			ok = true;
		}
		catch (LetterTransitionException ex) {
			if (htmx == null) {
				// a plain form: the refusal is a message on the page, as everywhere (LetterRefusals)
				throw ex;
			}
			// htmx: the answer replaces the row in place, with the reason
			message = messages.get(ex.messageKey(), ex.arguments());
			ok = false;
		}
		catch (OptimisticLockingFailureException ex) {
			message = messages.get("letter.error.concurrent");
			ok = false;
		}
		if (htmx != null) {
			model.addAttribute("code", code);
			model.addAttribute("message", message);
			model.addAttribute("ok", ok);
			return "volunteer/desk :: quickResult";
		}
		redirect.addFlashAttribute(ok ? "success" : "failure", message);
		return "redirect:/volunteer";
	}

	private java.util.List<QueueRow> queue(String condition, RegionScope scope, Long me) {
		return jdbc.sql("SELECT l.code, l.first_name, l.age, l.region_id, l.status_reason, l.status_note "
				+ "FROM letter l JOIN campaign c ON c.id = l.campaign_id AND c.status <> 'CLOSED' WHERE " + condition
				+ " AND (CAST(:regions AS integer[]) IS NULL OR l.region_id = ANY(CAST(:regions AS integer[])))"
				+ " ORDER BY l.created_at, l.id LIMIT " + LIST_SIZE)
			.param("regions", scope.sqlArray())
			.param("me", me)
			.query((rs, n) -> new QueueRow(rs.getString("code"), rs.getString("first_name"), rs.getInt("age"),
					rs.getInt("region_id"), rs.getString("status_reason"), rs.getString("status_note")))
			.list();
	}

}
