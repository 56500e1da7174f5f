package az.asan.mektub.letter.web;

import java.time.LocalDate;
import java.util.Locale;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.IncompleteReason;
import az.asan.mektub.letter.LetterPageSection;
import az.asan.mektub.letter.WithdrawReason;
import az.asan.mektub.letter.query.LetterDetails;
import az.asan.mektub.letter.query.WalkInDonors;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.stereotype.Component;

/**
 * What a letter's private page shows besides the letter: its region and centre, the centres a gift may
 * be recorded at, the reasons offered for each step, the walk-in donor, and what other modules show
 * there ({@link LetterPageSection}: adoption's messages to the child).
 */
@Component
class LetterPageParts {

	private final HandoverPoints handoverPoints;

	private final RegionOptions regionOptions;

	private final Messages messages;

	private final ObjectProvider<LetterPageSection> pageSections;

	private final WalkInDonors walkInDonors;

	LetterPageParts(HandoverPoints handoverPoints, RegionOptions regionOptions, Messages messages,
			ObjectProvider<LetterPageSection> pageSections, WalkInDonors walkInDonors) {
		this.handoverPoints = handoverPoints;
		this.regionOptions = regionOptions;
		this.messages = messages;
		this.pageSections = pageSections;
		this.walkInDonors = walkInDonors;
	}

	void addTo(LetterDetails letter, RegionScope deskScope, Model model, Locale locale) {
		model.addAttribute("regionName", regionOptions.name(letter.regionId()));
		model.addAttribute("handoverPoint", handoverPoints.byId(letter.handoverPointId()).orElse(null));
		// the centres of the volunteer's regions, as the walk-in form offers, and the one the donor chose
		model.addAttribute("handoverOptions", handoverPoints.all()
			.stream()
			.filter(p -> (p.accepting() && deskScope.includes(p.regionId()))
					|| p.id() == (letter.handoverPointId() == null ? -1 : letter.handoverPointId()))
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		model.addAttribute("incompleteOptions", messages.options("incompleteReason.", IncompleteReason.values()));
		model.addAttribute("withdrawOptions", messages.options("withdrawReason.", WithdrawReason.values()));
		model.addAttribute("today", LocalDate.now(Formats.BAKU));
		// what other modules show on the page (adoption: the donor's messages to the child)
		pageSections.orderedStream().forEach(section -> section.addTo(letter.id(), model));
		// taken off a centre's paper tree: the walk-in donor, seen here by volunteers and staff only
		WalkInDonors.WalkIn walkIn = walkInDonors.of(letter.id()).orElse(null);
		model.addAttribute("walkIn", walkIn);
		model.addAttribute("walkInPoint", walkIn == null ? null : handoverPoints.byId(walkIn.pointId()).orElse(null));
	}

}
