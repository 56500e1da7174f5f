package az.asan.mektub.adoption;

import jakarta.validation.constraints.NotNull;

/**
 * How many free letters of which open campaign an organisation reserves for its team. The messages
 * beside the fields are the bundles' {@code NotNull.reserveForm.count} and so on; the number's range
 * (1 to the organisation's free places in the campaign) is checked by the page, which names it.
 */
record ReserveForm(@NotNull Integer count, @NotNull Long campaign) {

	static ReserveForm of(Long campaign) {
		return new ReserveForm(5, campaign);
	}

}
