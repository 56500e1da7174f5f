package az.asan.mektub.campaign;

/**
 * How many of a campaign's letters a change of the campaign touches, as the letter module counts them:
 * the letters are its own, so it implements this and the campaign module never reads their table.
 */
public interface CampaignLetters {

	/** Letters on the tree now, and letters a donor holds whose gift is still awaited. */
	record InPlay(long onTree, long held) {
	}

	InPlay inPlay(long campaignId);

}
