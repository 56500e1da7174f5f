package az.asan.mektub.tree;

import java.util.List;
import java.util.Optional;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.TreeLetter;
import az.asan.mektub.letter.query.TreeLetters;

import org.springframework.stereotype.Component;

/**
 * The tree's questions in the tree's terms: a {@link TreeFilter} from the URL becomes the letter
 * module's criteria. The SQL is the letter module's ({@link TreeLetters}); a page still costs two
 * queries, the letters and their count.
 */
@Component
public class TreeQueries {

	private final TreeLetters letters;

	TreeQueries(TreeLetters letters) {
		this.letters = letters;
	}

	public record Page(List<TreeLetter> letters, long total) {
	}

	public Page page(TreeFilter filter, long campaignId) {
		TreeLetters.Page page = letters.page(new TreeLetters.Criteria(filter.economicRegion(), filter.region(),
				filter.ageMin(), filter.ageMax(), filter.gender(), filter.category(), filter.costMin(), filter.costMax(),
				filter.q(), filter.page(), filter.shake(), TreeFilter.PAGE_SIZE), campaignId);
		return new Page(page.letters(), page.total());
	}

	/** A published letter by its code, or nothing: letters in any other state are not public. */
	public Optional<TreeLetter> published(String code) {
		return letters.published(code);
	}

	/** A letter as its public page shows it, with where it stands in its life. */
	public record PublicLetter(TreeLetter letter, LetterStatus status) {
	}

	/** A letter whose public page lives: on the tree, taken, with its gift on the way, or fulfilled. */
	public Optional<PublicLetter> publicLetter(String code) {
		return letters.publicLetter(code).map(found -> new PublicLetter(found.letter(), found.status()));
	}

	/** Letters like the one a donor just missed. */
	public List<TreeLetter> similar(String code, int limit) {
		return letters.similar(code, limit);
	}

}
