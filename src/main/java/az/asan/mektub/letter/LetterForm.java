package az.asan.mektub.letter;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import az.asan.mektub.letter.query.LetterDetails;

/**
 * What a volunteer types to register a letter, or to correct one sent back as incomplete. The
 * scan itself travels beside the form; once re-encoded it is kept under {@code scanToken} so that a
 * form coming back with errors does not ask for the file again. Booleans are boxed so that a
 * binding error elsewhere never keeps the form from being rebuilt with everything typed.
 */
public record LetterForm(
		@NotNull Long campaignId,
		@NotBlank @Size(max = 60) String firstName,
		@NotBlank @Size(max = 80) String surname,
		@NotNull @Past LocalDate birthDate,
		@NotNull Gender gender,
		@NotNull Integer regionId,
		@NotNull CareSetting careSetting,
		@NotBlank @Size(max = 300) String contact,
		@NotBlank @Size(max = 2000) String originalWish,
		@NotBlank @Size(max = 300) String publicWish,
		@NotNull Category category,
		@Size(max = 100) String sizes,
		@NotNull @DecimalMin("0.00") @DecimalMax("5000.00") @Digits(integer = 20, fraction = 2) BigDecimal estimatedCost,
		Boolean scanShareable,
		String scanToken,
		Boolean confirmDuplicate) {

	public static LetterForm empty(Long campaignId, Integer regionId) {
		return new LetterForm(campaignId, "", "", null, null, regionId, null, "", "", "", null, "", null, false, null,
				false);
	}

	public static LetterForm of(LetterDetails letter) {
		return new LetterForm(letter.campaignId(), letter.firstName(), letter.surname(), letter.birthDate(),
				letter.gender(), letter.regionId(), letter.careSetting(), letter.contact(), letter.originalWish(),
				letter.publicWish(), letter.category(), letter.sizes(), letter.estimatedCost(), letter.scanShareable(),
				null, false);
	}

	public boolean shareable() {
		return Boolean.TRUE.equals(scanShareable);
	}

	public boolean duplicateConfirmed() {
		return Boolean.TRUE.equals(confirmDuplicate);
	}

	/** The same form with a kept scan, so that the next submit carries it. */
	public LetterForm withScanToken(String token) {
		return new LetterForm(campaignId, firstName, surname, birthDate, gender, regionId, careSetting, contact,
				originalWish, publicWish, category, sizes, estimatedCost, scanShareable, token, confirmDuplicate);
	}

}
