package az.asan.mektub.tree;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterImages;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.DigestUtils;

/** A letter's public address, its shareable picture and its QR code. */
@Controller
class LetterPageController {

	private final LetterPages pages;

	private final TreeQueries queries;

	private final AccountManagement accounts;

	private final LetterImages images;

	private final QrCodes qrCodes;

	private final Links links;

	LetterPageController(LetterPages pages, TreeQueries queries, AccountManagement accounts, LetterImages images,
			QrCodes qrCodes, Links links) {
		this.pages = pages;
		this.queries = queries;
		this.accounts = accounts;
		this.images = images;
		this.qrCodes = qrCodes;
		this.links = links;
	}

	/**
	 * A letter's public address lives as long as the letter: on the tree it offers adoption, taken it
	 * says so and shows similar letters still waiting, fulfilled it says the wish came true. A volunteer
	 * or staff member who scans a tag's QR code ({@code ?qr}) while signed in lands on the letter's
	 * working page, where the next step is, if the letter is in their regions.
	 */
	@GetMapping("/letters/{code}")
	String letter(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		// A child's wish is short-lived: search engines may follow the tree but should not keep the letter.
		model.addAttribute("noindex", true);
		if (model.containsAttribute("success") || model.containsAttribute("failure")) {
			// Right after an adoption was refused (its message is shown), the letter is read afresh.
			pages.afresh(code, user, model, locale, request, response);
			return "tree/letter";
		}
		// A volunteer or staff member who scans a tag lands on the letter's working page, in their regions.
		if (user != null && user.role() != Role.DONOR && request.getParameterMap().containsKey("qr")) {
			TreeQueries.PublicLetter found = queries.publicLetter(code).orElseThrow(NotFound::new);
			if (accounts.regionScope(user).includes(found.letter().regionId())) {
				return "redirect:/volunteer/letters/{code}";
			}
		}
		// The same for every visitor who has not signed in, and for everyone signed in but their own part
		// (issue 17: rendering it per request made the signed-in page a third of the anonymous one).
		LetterPages.Shown page = pages.kept(code, user, locale, request, response);
		model.addAttribute("letterTitle", page.title());
		model.addAttribute("letterBody", page.body());
		return "tree/letter";
	}

	/** A donor sent to sign in on the way to adopting lands back on the letter. */
	@GetMapping("/letters/{code}/adopt")
	String adoptAfterSignIn(@PathVariable String code) {
		return "redirect:/letters/{code}";
	}

	@GetMapping("/letters/{code}/picture.jpg")
	ResponseEntity<byte[]> picture(@PathVariable String code, WebRequest request) {
		byte[] picture = images.publicPicture(code).orElseThrow(NotFound::new);
		String etag = "\"" + DigestUtils.md5DigestAsHex(picture) + "\"";
		// Checked again on every view (a 304 while unchanged): a letter adopted or withdrawn must not
		// keep showing its picture from a shared cache.
		CacheControl revalidate = CacheControl.noCache().cachePrivate();
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(revalidate).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.eTag(etag)
			.cacheControl(revalidate)
			.body(picture);
	}

	/** The QR code of a letter's public page, for printed gift tags and tags on a physical tree. */
	@GetMapping(value = "/letters/{code}/qr.svg")
	ResponseEntity<String> qr(@PathVariable String code) {
		if (!code.matches("[0-9A-Z]{12}")) {
			throw new NotFound();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			// The address inside comes from asan.base-url, never from the request; kept a day by the
			// browser only, so a changed public address reaches printed tags soon.
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.body(qrCodes.svg(links.absolute("/letters/" + code + "?qr")));
	}

}
