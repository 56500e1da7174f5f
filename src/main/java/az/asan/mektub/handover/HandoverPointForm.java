package az.asan.mektub.handover;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff type about an ASAN service centre that takes gifts. */
public record HandoverPointForm(
		@NotNull Integer regionId,
		@NotBlank @Size(max = 160) String nameAz,
		@NotBlank @Size(max = 160) String nameEn,
		@NotBlank @Size(max = 160) String nameRu,
		@NotBlank @Size(max = 300) String address,
		@NotBlank @Size(max = 160) String hours,
		Boolean accepting) {

	public static HandoverPointForm empty() {
		return new HandoverPointForm(null, "", "", "", "", "", true);
	}

	public static HandoverPointForm of(HandoverPoint p) {
		return new HandoverPointForm(p.regionId(), p.name().az(), p.name().en(), p.name().ru(), p.address(), p.hours(),
				p.accepting());
	}

}
