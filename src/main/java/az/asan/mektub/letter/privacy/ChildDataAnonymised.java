package az.asan.mektub.letter.privacy;

import java.util.List;

/**
 * Retention anonymised the children of these letters (their campaigns closed longer ago than the
 * retention period): whatever another module keeps of such a letter that is the child's or speaks to
 * the child, such as a donor's message, is to go too. Published inside the retention's transaction,
 * so a listener that deletes in it ({@code @EventListener}) commits or rolls back with the
 * anonymisation. Lists every letter the run covered, also those anonymised by an earlier run, so a
 * listener may simply delete what it still holds of them.
 */
public record ChildDataAnonymised(List<Long> letterIds) {

	public ChildDataAnonymised {
		letterIds = List.copyOf(letterIds);
	}

}
