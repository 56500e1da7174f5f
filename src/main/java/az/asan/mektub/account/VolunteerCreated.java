package az.asan.mektub.account;

import java.util.List;

/**
 * Published, inside the transaction that opens it, when staff open a volunteer's account, with what
 * the form carried for other modules: the ASAN service centres ticked (the handover module's ids), so
 * that the account and its centres are saved together or not at all.
 */
public record VolunteerCreated(long volunteerId, long actorId, List<Long> handoverPointIds) {

	public VolunteerCreated {
		handoverPointIds = handoverPointIds == null ? List.of()
				: handoverPointIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

}
