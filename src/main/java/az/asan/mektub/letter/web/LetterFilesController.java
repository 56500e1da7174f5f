package az.asan.mektub.letter.web;

import java.util.Locale;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterImages;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.LetterDetails;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A letter's tag for a centre's paper tree, and its scan and gift photo, for the volunteers of its region. */
@Controller
class LetterFilesController {

	private final LetterManagement letters;

	private final AccountManagement accounts;

	LetterFilesController(LetterManagement letters, AccountManagement accounts) {
		this.letters = letters;
		this.accounts = accounts;
	}

	/** A tag for a letter on the tree, to hang on the physical tree of a service centre. */
	@GetMapping("/volunteer/letters/{code}/tag")
	String treeTag(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale) {
		LetterDetails letter = letters.details(code, accounts.regionScope(user), locale)
			.filter(l -> l.status() == LetterStatus.PUBLISHED)
			.orElseThrow(NotFound::new);
		model.addAttribute("tag", new TreeTag(letter.code(), letter.firstName(), letter.age(), letter.publicWish()));
		return "volunteer/tag";
	}

	/** What a tag on the physical tree says: no tag code, no due date, only the way to the letter. */
	record TreeTag(String code, String firstName, int age, String wish) {
	}

	@GetMapping("/volunteer/letters/{code}/scan.jpg")
	ResponseEntity<byte[]> scan(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
		return image(letters.image(code, accounts.regionScope(user), LetterImages.Kind.SCAN).orElseThrow(NotFound::new));
	}

	@GetMapping("/volunteer/letters/{code}/photo.jpg")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
		return image(letters.image(code, accounts.regionScope(user), LetterImages.Kind.GIFT_PHOTO)
			.orElseThrow(NotFound::new));
	}

	private static ResponseEntity<byte[]> image(byte[] jpeg) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(jpeg);
	}

}
