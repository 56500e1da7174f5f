package az.asan.mektub.letter.query;

import java.math.BigDecimal;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;

/** A letter as the public sees it: nothing here may identify the child. */
public record TreeLetter(String code, String firstName, int age, Gender gender, int regionId, Category category,
		String publicWish, BigDecimal estimatedCost, boolean pictureShown, long campaignId) {

	/** The first words of the wish, short enough for a card on the tree. */
	public String wishLine(int max) {
		String wish = publicWish == null ? "" : publicWish.strip();
		if (wish.length() <= max) {
			return wish;
		}
		int cut = wish.lastIndexOf(' ', max - 1);
		return wish.substring(0, cut > max / 2 ? cut : max - 1) + "…";
	}

}
