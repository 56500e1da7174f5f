package az.asan.mektub.account;

/**
 * What a person may do. A DONOR adopts letters up to a limit and manages their own adoptions; a
 * VOLUNTEER works on the letters of the regions assigned to them and receives gifts at the service
 * centres assigned to them; STAFF run campaigns, handover points, volunteers and reports in every
 * region; an ADMIN is STAFF who also manages staff accounts and roles. A visitor who is not signed in
 * has no role. STAFF and ADMIN see all regions, a VOLUNTEER only theirs.
 */
public enum Role {

	DONOR, VOLUNTEER, STAFF, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean seesAllRegions() {
		return this == STAFF || this == ADMIN;
	}

}
