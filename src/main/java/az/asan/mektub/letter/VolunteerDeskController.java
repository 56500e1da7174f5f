package az.asan.mektub.letter;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The volunteer's desk: the state of the letters in their regions. */
@Controller
class VolunteerDeskController {

	private final AccountManagement accounts;

	private final Regions regions;

	private final JdbcClient jdbc;

	VolunteerDeskController(AccountManagement accounts, Regions regions, JdbcClient jdbc) {
		this.accounts = accounts;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	@GetMapping("/volunteer")
	@Transactional(readOnly = true)
	String desk(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		Optional<Set<Integer>> scope = accounts.regionScope(user);
		Map<LetterStatus, Long> counts = new EnumMap<>(LetterStatus.class);
		for (LetterStatus status : LetterStatus.values()) {
			counts.put(status, 0L);
		}
		if (scope.isEmpty() || !scope.get().isEmpty()) {
			Integer[] ids = scope.map(s -> s.toArray(Integer[]::new)).orElse(null);
			jdbc.sql("""
					SELECT l.status, count(*) AS n FROM letter l
					JOIN campaign c ON c.id = l.campaign_id AND c.status <> 'CLOSED'
					WHERE (CAST(:regions AS integer[]) IS NULL OR l.region_id = ANY(CAST(:regions AS integer[])))
					GROUP BY l.status""")
				.param("regions", ids)
				.query((rs, n) -> Map.entry(LetterStatus.valueOf(rs.getString("status")), rs.getLong("n")))
				.list()
				.forEach(e -> counts.put(e.getKey(), e.getValue()));
		}
		model.addAttribute("counts", counts);
		model.addAttribute("allRegions", scope.isEmpty());
		model.addAttribute("regionNames", scope.map(ids -> regions.byIds(ids).stream().map(r -> r.name(locale)).toList())
			.orElse(regions.all().stream().filter(Region::acceptsLetters).map(r -> r.name(locale)).toList()));
		return "volunteer/desk";
	}

}
