package az.asan.mektub.handover;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What staff type about an ASAN service centre that takes gifts. The address and hours are required
 * in Azerbaijani ({@code address}, {@code hours}); in English and Russian they may be left empty, and
 * readers of those languages then see the Azerbaijani text.
 */
public record HandoverPointForm(
		@NotNull Integer regionId,
		@NotBlank @Size(max = 160) String nameAz,
		@NotBlank @Size(max = 160) String nameEn,
		@NotBlank @Size(max = 160) String nameRu,
		@NotBlank @Size(max = 300) String address,
		@Size(max = 300) String addressEn,
		@Size(max = 300) String addressRu,
		@NotBlank @Size(max = 160) String hours,
		@Size(max = 160) String hoursEn,
		@Size(max = 160) String hoursRu,
		Boolean accepting) {

	public static HandoverPointForm empty() {
		return new HandoverPointForm(null, "", "", "", "", "", "", "", "", "", true);
	}

	public static HandoverPointForm of(HandoverPoint p) {
		return new HandoverPointForm(p.regionId(), p.name().az(), p.name().en(), p.name().ru(), p.address().az(),
				orEmpty(p.address().en()), orEmpty(p.address().ru()), p.hours().az(), orEmpty(p.hours().en()),
				orEmpty(p.hours().ru()), p.accepting());
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
