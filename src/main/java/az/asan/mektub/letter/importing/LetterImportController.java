package az.asan.mektub.letter.importing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.system.Messages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Bulk import of letters from CSV, with a template to start from. */
@Controller
class LetterImportController {

	private final LetterImport importer;

	private final AccountManagement accounts;

	private final CampaignOptions campaignOptions;

	private final Messages messages;

	LetterImportController(LetterImport importer, AccountManagement accounts, CampaignOptions campaignOptions, Messages messages) {
		this.importer = importer;
		this.accounts = accounts;
		this.campaignOptions = campaignOptions;
		this.messages = messages;
	}

	@GetMapping("/volunteer/letters/import")
	String initImportForm(Model model, Locale locale) {
		return page(model, null, null, locale);
	}

	@PostMapping("/volunteer/letters/import")
	String processImportForm(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) Long campaignId, @RequestParam(required = false) MultipartFile file,
			Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", messages.get("import.fileRequired"));
			return page(model, campaignId, null, locale);
		}
		LetterImport.Result result;
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			result = importer.run(reader, campaignId, accounts.regionScope(user), user.id());
		}
		if (!result.ok()) {
			return page(model, campaignId, result, locale);
		}
		redirect.addFlashAttribute("success",
				messages.get("import.done", result.imported(), result.alreadyPresent()));
		return "redirect:/volunteer/letters?status=RECEIVED";
	}

	@GetMapping("/volunteer/letters/import/template.csv")
	ResponseEntity<byte[]> template() {
		byte[] body = ("\uFEFF" + LetterImport.template()).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("asan-mektub-letters.csv").build().toString())
			.body(body);
	}

	private String page(Model model, Long campaignId, LetterImport.Result result, Locale locale) {
		model.addAttribute("campaignOptions", campaignOptions.takingLetters(locale));
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("result", result);
		model.addAttribute("columns", LetterImport.COLUMNS);
		return "volunteer/import";
	}

}
