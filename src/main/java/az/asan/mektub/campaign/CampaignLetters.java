package az.asan.mektub.campaign;

/**
 * How many of a campaign's letters a change of the campaign touches, as the letter module counts them:
 * the letters are its own, so it implements this and the campaign module never reads their table.
 */
public interface CampaignLetters {

	/**
	 * Letters on the tree now, letters a donor holds whose gift is still awaited, letters received or
	 * incomplete that were never published (closing leaves them unpublished for good), and gifts received
	 * that have not yet reached their child.
	 */
	record InPlay(long onTree, long held, long notPublished, long giftsToDeliver) {
	}

	InPlay inPlay(long campaignId);

	/** Letters donors hold now whose gift is due after {@code date} (holds a new, earlier end would outlast). */
	long heldDueAfter(long campaignId, java.time.LocalDate date);

}
