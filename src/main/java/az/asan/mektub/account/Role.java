package az.asan.mektub.account;

/** What a person may do; see product.md. STAFF and ADMIN see all regions, a VOLUNTEER only theirs. */
public enum Role {

	DONOR, VOLUNTEER, STAFF, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean seesAllRegions() {
		return this == STAFF || this == ADMIN;
	}

}
