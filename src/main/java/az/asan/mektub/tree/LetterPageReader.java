package az.asan.mektub.tree;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterStatus;

/**
 * What a letter's public page shows the signed-in person reading it where the adoption form stands:
 * the form, or why they cannot adopt now, or, to the donor holding the letter, the time left. The page
 * is kept and served to every signed-in reader alike, so this part is made per request and put into
 * the kept page's hole, never kept with it. The tree names the place; the module that owns adoption
 * fills it, so that the tree knows nothing of adoption.
 */
public interface LetterPageReader {

	/** The letter as the part needs it: nothing of the child beyond what its public page shows. */
	record LetterOnPage(String code, String firstName, LetterStatus status, long campaignId, int campaignDonorLimit) {
	}

	/**
	 * HTML for this reader, to be put into the letter's kept page
	 * ({@link az.asan.mektub.platform.web.PageShells#withPart}).
	 */
	String part(LetterOnPage letter, SignedInUser reader, Locale locale, HttpServletRequest request,
			HttpServletResponse response);

	/**
	 * Whether this reader is the donor who holds the letter (adopted, or its gift in and not yet with the
	 * child): the page then does not tell them, as it tells everyone else, that it found its donor.
	 */
	default boolean holds(LetterOnPage letter, SignedInUser reader) {
		return false;
	}

}
