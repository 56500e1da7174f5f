package az.asan.mektub.letter.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import az.asan.mektub.letter.PaperTree;

/** What a volunteer chooses before printing tags for a centre's paper tree. */
public record PaperTreeForm(
		@NotNull Long handoverPointId,
		Integer regionId,
		@Min(0) @Max(25) Integer minAge,
		@Min(0) @Max(25) Integer maxAge,
		@NotNull @Min(1) @Max(PaperTree.MAX_COUNT) Integer count,
		Boolean notOnPaper) {

	public static PaperTreeForm empty() {
		return new PaperTreeForm(null, null, null, null, 40, true);
	}

	PaperTree.Choice choice() {
		return new PaperTree.Choice(regionId, minAge, maxAge, count, Boolean.TRUE.equals(notOnPaper));
	}

}
