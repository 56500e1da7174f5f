package az.asan.mektub.adoption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many free letters of which open campaign an organisation reserves for its team. The messages
 * beside the fields are the bundles' {@code Min.reserveForm.count} and so on.
 */
record ReserveForm(@NotNull @Min(1) @Max(100) Integer count, @NotNull Long campaign) {

	static ReserveForm of(Long campaign) {
		return new ReserveForm(5, campaign);
	}

}
