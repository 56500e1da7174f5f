package az.asan.mektub.handover;

import java.util.Set;

import az.asan.mektub.account.RegionScope;

/**
 * What a person's handover desk covers: the gifts brought to the centres they work at, whatever the
 * child's region, and the letters of their regions. Only the regions open the child's private data;
 * a centre sees what handing a gift in needs. Staff cover every centre ({@code centreIds} null).
 */
public record DeskScope(RegionScope regions, Set<Long> centreIds) {

	public DeskScope {
		centreIds = centreIds == null ? null : Set.copyOf(centreIds);
	}

	public static DeskScope all() {
		return new DeskScope(RegionScope.all(), null);
	}

	public boolean allCentres() {
		return centreIds == null;
	}

	/** The person works at this centre. */
	public boolean worksAt(Long pointId) {
		return pointId != null && (centreIds == null || centreIds.contains(pointId));
	}

	/** A letter of this region whose gift is expected at this centre is at this person's desk. */
	public boolean covers(Integer regionId, Long pointId) {
		return regions.includes(regionId) || worksAt(pointId);
	}

	/** The person works at some centre's desk (staff at every one). */
	public boolean atAnyCentre() {
		return centreIds == null || !centreIds.isEmpty();
	}

	/**
	 * A gift whose donor chose no centre may be brought to any: a person working at a centre receives
	 * it there, once they have its exact tag code in hand.
	 */
	public boolean takesUnplaced(Long pointId) {
		return pointId == null && atAnyCentre();
	}

	/** For SQL: the centres as an array (null for every centre). */
	public Long[] centresArray() {
		return centreIds == null ? null : centreIds.toArray(Long[]::new);
	}

}
