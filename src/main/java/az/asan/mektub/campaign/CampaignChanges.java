package az.asan.mektub.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import az.asan.mektub.platform.i18n.Messages;

/**
 * What an edit changes of a campaign's dates, ages, hold days and limits, old → new, for the audit
 * entry: "Ends on 31.12.2026 → 20.12.2026; Hold days 14 → 20". Labels are the form's, in the language
 * of the person who saved.
 */
final class CampaignChanges {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private CampaignChanges() {
	}

	static String between(Campaign before, CampaignForm after, Messages messages) {
		List<String> changes = new ArrayList<>();
		change(changes, messages, "campaign.code", before.getCode(), after.code());
		change(changes, messages, "campaign.startsOn", date(before.getStartsOn()), date(after.startsOn()));
		change(changes, messages, "campaign.endsOn", date(before.getEndsOn()), date(after.endsOn()));
		change(changes, messages, "campaign.ageReferenceDate", date(before.getAgeReferenceDate()),
				date(after.ageReferenceDate()));
		change(changes, messages, "campaign.minAge", before.getMinAge(), after.minAge());
		change(changes, messages, "campaign.maxAge", before.getMaxAge(), after.maxAge());
		change(changes, messages, "campaign.holdDays", before.getHoldDays(), after.holdDays());
		change(changes, messages, "campaign.donorLimit", before.getDonorLimit(), after.donorLimit());
		change(changes, messages, "campaign.target", before.getTargetWishes(), after.targetWishes());
		if (!Objects.equals(before.getName().az(), after.nameAz().strip())
				|| !Objects.equals(before.getName().en(), after.nameEn().strip())
				|| !Objects.equals(before.getName().ru(), after.nameRu().strip())) {
			changes.add(messages.get("campaign.change.names"));
		}
		return changes.isEmpty() ? messages.get("campaign.change.none") : String.join("; ", changes);
	}

	private static void change(List<String> changes, Messages messages, String label, Object from, Object to) {
		if (!Objects.equals(from, to)) {
			changes.add(messages.get("campaign.change", messages.get(label), from == null ? "—" : String.valueOf(from),
					to == null ? "—" : String.valueOf(to)));
		}
	}

	private static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

}
