package az.asan.mektub.letter.query;

import java.time.LocalDate;
import java.util.List;

import az.asan.mektub.campaign.CampaignLetters;
import az.asan.mektub.letter.LetterStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The letters a campaign's closing touches, for the page that asks staff to confirm it. */
@Component
class CampaignLettersInPlay implements CampaignLetters {

	private final LetterCounts counts;

	private final JdbcClient jdbc;

	CampaignLettersInPlay(LetterCounts counts, JdbcClient jdbc) {
		this.counts = counts;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public long heldDueAfter(long campaignId, LocalDate date) {
		return jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = :campaign AND status = :held AND due_date > :date")
			.param("campaign", campaignId)
			.param("held", LetterStatus.ADOPTED.name())
			.param("date", date)
			.query(Long.class)
			.single();
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
