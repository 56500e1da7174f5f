package az.asan.mektub.campaign;

import az.asan.mektub.system.Localized;
import az.asan.mektub.system.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** Creating and changing campaigns, and moving them from planned to open to closed. */
@Service
public class CampaignManagement {

	private final Campaigns campaigns;

	CampaignManagement(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	/** The checks that need the database: the code is unique. */
	@Transactional(readOnly = true)
	public void check(CampaignForm form, Long id, Errors errors) {
		if (form.code() != null && !errors.hasFieldErrors("code")) {
			campaigns.findByCode(form.code())
				.filter(other -> !other.getId().equals(id))
				.ifPresent(other -> errors.rejectValue("code", "campaign.code.taken"));
		}
	}

	@Transactional
	public Campaign create(CampaignForm form) {
		Campaign campaign = new Campaign(form.code(), new Localized(form.nameAz().strip(), form.nameEn().strip(),
				form.nameRu().strip()), form.kind(), form.startsOn(), form.endsOn(), form.minAge(), form.maxAge(),
				form.ageReferenceDate(), form.holdDays(), form.donorLimit(), form.targetWishes());
		return campaigns.save(campaign);
	}

	@Transactional
	public void update(long id, CampaignForm form) {
		campaigns.findById(id).orElseThrow(NotFound::new).update(form);
	}

	@Transactional
	public void open(long id) {
		campaigns.findById(id).orElseThrow(NotFound::new).open();
	}

	@Transactional
	public void close(long id) {
		campaigns.findById(id).orElseThrow(NotFound::new).close();
	}

}
