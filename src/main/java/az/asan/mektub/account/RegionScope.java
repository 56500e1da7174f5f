package az.asan.mektub.account;

import java.util.Set;

/**
 * The regions whose letters a person may see and change. Staff and administrators see all regions
 * ({@link #all()}); a volunteer sees exactly the regions assigned to them, which may be none.
 */
public record RegionScope(Set<Integer> regionIds) {

	private static final RegionScope ALL = new RegionScope(null);

	public RegionScope {
		regionIds = regionIds == null ? null : Set.copyOf(regionIds);
	}

	public static RegionScope all() {
		return ALL;
	}

	public static RegionScope of(Set<Integer> regionIds) {
		return new RegionScope(regionIds);
	}

	public boolean isAll() {
		return regionIds == null;
	}

	public boolean isEmpty() {
		return regionIds != null && regionIds.isEmpty();
	}

	public boolean includes(Integer regionId) {
		return regionId != null && (regionIds == null || regionIds.contains(regionId));
	}

	/** For SQL: the value of the letter module's region-scope condition (null for every region). */
	public Integer[] sqlArray() {
		return regionIds == null ? null : regionIds.toArray(Integer[]::new);
	}

}
