package az.asan.mektub.platform.web;

/**
 * Links to the previous and next page of a list, keeping every other parameter of the current
 * request, so a filtered list stays filtered while paging and can be shared as a link.
 */
public record Pager(int page, int pages, String previous, String next) {

	public static Pager of(int page, long total, int pageSize) {
		int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		return new Pager(page, pages, page > 1 ? link(page - 1) : null, page < pages ? link(page + 1) : null);
	}

	/** The current request's path and query with another page number; relative, so no host leaks in. */
	public static String link(int page) {
		return Links.current(java.util.Map.of("page", page));
	}

}
