package az.asan.mektub.campaign;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff type to create or change a campaign. */
public record CampaignForm(
		@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "{campaign.code.invalid}") String code,
		@NotBlank @Size(max = 160) String nameAz,
		@NotBlank @Size(max = 160) String nameEn,
		@NotBlank @Size(max = 160) String nameRu,
		@NotNull Campaign.Kind kind,
		@NotNull LocalDate startsOn,
		@NotNull LocalDate endsOn,
		@NotNull @Min(0) @Max(18) Integer minAge,
		@NotNull @Min(0) @Max(18) Integer maxAge,
		@NotNull LocalDate ageReferenceDate,
		@NotNull @Min(1) @Max(90) Integer holdDays,
		@NotNull @Min(1) @Max(100) Integer donorLimit,
		@Min(1) @Max(1_000_000) Integer targetWishes) {

	/** A code typed in small letters ("am-2027") means the same code in capitals: it is written so, not refused. */
	public CampaignForm {
		code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
	}

	public static CampaignForm empty() {
		return new CampaignForm("", "", "", "", Campaign.Kind.YEAR_ROUND, null, null, 3, 14, null, 14, 3, null);
	}

	public static CampaignForm of(Campaign c) {
		return new CampaignForm(c.getCode(), c.getName().az(), c.getName().en(), c.getName().ru(), c.getKind(),
				c.getStartsOn(), c.getEndsOn(), c.getMinAge(), c.getMaxAge(), c.getAgeReferenceDate(), c.getHoldDays(),
				c.getDonorLimit(), c.getTargetWishes());
	}

	@AssertTrue(message = "{campaign.dates.order}")
	public boolean isDatesInOrder() {
		return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
	}

	@AssertTrue(message = "{campaign.ages.order}")
	public boolean isAgesInOrder() {
		return minAge == null || maxAge == null || minAge <= maxAge;
	}

}
