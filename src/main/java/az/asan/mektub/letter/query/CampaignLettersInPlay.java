package az.asan.mektub.letter.query;

import java.util.List;

import az.asan.mektub.campaign.CampaignLetters;
import az.asan.mektub.letter.LetterStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The letters a campaign's closing touches, for the page that asks staff to confirm it. */
@Component
class CampaignLettersInPlay implements CampaignLetters {

	private final LetterCounts counts;

	CampaignLettersInPlay(LetterCounts counts) {
		this.counts = counts;
	}

	@Override
	@Transactional(readOnly = true)
	public InPlay inPlay(long campaignId) {
		long onTree = 0;
		long held = 0;
		long notPublished = 0;
		long giftsToDeliver = 0;
		for (LetterCounts.Count count : counts.of(List.of(campaignId))) {
			if (count.status() == LetterStatus.PUBLISHED) {
				onTree += count.letters();
			}
			else if (count.status() == LetterStatus.ADOPTED) {
				held += count.letters();
			}
			else if (count.status() == LetterStatus.RECEIVED || count.status() == LetterStatus.INCOMPLETE) {
				notPublished += count.letters();
			}
			else if (count.status() == LetterStatus.GIFT_RECEIVED) {
				giftsToDeliver += count.letters();
			}
		}
		return new InPlay(onTree, held, notPublished, giftsToDeliver);
	}

}
