package az.asan.mektub.tree;

import java.math.BigDecimal;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.platform.web.Ranges;

/**
 * What a visitor chose on the tree; it lives in the URL so that a filtered tree can be shared. A
 * value that does not make sense (an age of "abc") is simply not applied.
 */
public record TreeFilter(Long campaign, Integer economicRegion, Integer region, Integer ageMin, Integer ageMax,
		Gender gender, Category category, BigDecimal costMin, BigDecimal costMax, String q, Integer page,
		Integer shake, String view) {

	public static final int PAGE_SIZE = 24;

	private static final BigDecimal MAX_COST = BigDecimal.valueOf(1_000_000);

	public TreeFilter {
		q = q == null ? "" : q.strip();
		if (q.length() > 100) {
			q = q.substring(0, 100);
		}
		page = page == null || page < 1 ? 1 : Math.min(page, 10_000);
		// Out of any sensible range a filter is not applied, like a mistyped one.
		ageMin = within(ageMin, 0, 30);
		ageMax = within(ageMax, 0, 30);
		// "from 10 to 5" means 5 to 10, not "nothing" (Ranges: the same rule for every range).
		if (Ranges.reversed(ageMin, ageMax)) {
			Integer smaller = ageMax;
			ageMax = ageMin;
			ageMin = smaller;
		}
		costMin = within(costMin);
		costMax = within(costMax);
		if (Ranges.reversed(costMin, costMax)) {
			BigDecimal smaller = costMax;
			costMax = costMin;
			costMin = smaller;
		}
		view = "list".equals(view) ? "list" : "tree";
	}

	private static Integer within(Integer value, int min, int max) {
		return value == null || value < min || value > max ? null : value;
	}

	private static BigDecimal within(BigDecimal value) {
		return value == null || value.signum() < 0 || value.compareTo(MAX_COST) > 0 ? null : value;
	}

	public static TreeFilter none() {
		return new TreeFilter(null, null, null, null, null, null, null, null, null, "", 1, null, "tree");
	}

	/** Whether the request typed a range the wrong way round, which this filter swapped: the page says so. */
	public boolean swappedIn(jakarta.servlet.http.HttpServletRequest request) {
		return Ranges.swapped(request, "ageMin", "ageMax", ageMin, ageMax)
				|| Ranges.swapped(request, "costMin", "costMax", costMin, costMax);
	}

	public boolean list() {
		return "list".equals(view);
	}

	public boolean shaken() {
		return shake != null;
	}

	/** Whether anything narrows the letters down (the campaign alone does not). */
	public boolean narrowed() {
		return economicRegion != null || region != null || ageMin != null || ageMax != null || gender != null
				|| category != null || costMin != null || costMax != null || !q.isEmpty();
	}

	public TreeFilter withPage(int page) {
		return new TreeFilter(campaign, economicRegion, region, ageMin, ageMax, gender, category, costMin, costMax, q,
				page, shake, view);
	}

	public TreeFilter withCampaign(Long campaign) {
		return new TreeFilter(campaign, economicRegion, region, ageMin, ageMax, gender, category, costMin, costMax, q,
				page, shake, view);
	}

}
