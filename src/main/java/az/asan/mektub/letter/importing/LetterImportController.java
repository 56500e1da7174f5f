package az.asan.mektub.letter.importing;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk import of letters from CSV or XLSX, with templates to start from and the list of regions a
 * file may name. A client asking for JSON gets the same answer as JSON: the problems by line and
 * column with 422, or what was imported.
 */
@Controller
class LetterImportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final int RECENT_RUNS = 10;

	private final LetterImport importer;

	private final ImportTemplates templates;

	private final ImportRuns runs;

	private final AccountManagement accounts;

	private final CampaignOptions campaignOptions;

	private final Messages messages;

	LetterImportController(LetterImport importer, ImportTemplates templates, ImportRuns runs, AccountManagement accounts,
			CampaignOptions campaignOptions, Messages messages) {
		this.importer = importer;
		this.templates = templates;
		this.runs = runs;
		this.accounts = accounts;
		this.campaignOptions = campaignOptions;
		this.messages = messages;
	}

	@GetMapping("/volunteer/letters/import")
	String initImportForm(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		recentRuns(user, model);
		return page(model, null, null, locale);
	}

	/** The volunteer's own last background imports, each with a link back to its page. */
	private void recentRuns(SignedInUser user, Model model) {
		model.addAttribute("recentRuns", user == null ? java.util.List.of() : runs.recent(user.id(), RECENT_RUNS));
	}

	@PostMapping("/volunteer/letters/import")
	String processImportForm(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) Long campaignId, @RequestParam(required = false) MultipartFile file,
			Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		recentRuns(user, model);
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", messages.get("import.fileRequired"));
			return page(model, campaignId, null, locale);
		}
		int rows = importer.rowsIn(file::getInputStream);
		if (importer.runsInBackground(rows)) {
			UUID run = runs.start(file, campaignId, accounts.regionScope(user), user.id(), rows);
			redirect.addAttribute("run", run);
			return "redirect:/volunteer/letters/import/runs/{run}";
		}
		LetterImport.Result result = importer.run(file::getInputStream, campaignId, accounts.regionScope(user), user.id());
		if (!result.ok()) {
			return page(model, campaignId, result, locale);
		}
		redirect.addFlashAttribute("success", done(result));
		return "redirect:/volunteer/letters?status=RECEIVED";
	}

	/** The same import for a client that asks for JSON: never an HTML page, never a bare error. */
	@PostMapping(path = "/volunteer/letters/import", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> processImportAsJson(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) Long campaignId, @RequestParam(required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("imported", 0, "problems",
						java.util.List.of(new LetterImport.Problem(0, "", messages.get("import.fileRequired")))));
		}
		LetterImport.Result result = importer.run(file::getInputStream, campaignId, accounts.regionScope(user), user.id());
		if (!result.ok()) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.body(Map.of("imported", 0, "problems", result.problems(), "moreProblems", result.moreProblems(),
						"encoding", result.encoding()));
		}
		return ResponseEntity.ok(Map.of("imported", result.imported(), "alreadyPresent", result.alreadyPresent(),
				"encoding", result.encoding(), "message", done(result)));
	}

	/**
	 * A long import's page: its progress while it runs (refreshed by htmx, or by the Refresh header
	 * in a browser without script), then its result. Only the volunteer who started it sees it.
	 */
	@GetMapping("/volunteer/letters/import/runs/{id}")
	String run(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		ImportRuns.Run run = run(user, id, model);
		if (run.running()) {
			response.setHeader("Refresh", "3");
		}
		return "volunteer/import-run";
	}

	@GetMapping("/volunteer/letters/import/runs/{id}/progress")
	String runProgress(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
		run(user, id, model);
		return "volunteer/import-run :: progress";
	}

	private ImportRuns.Run run(SignedInUser user, String id, Model model) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound();
		}
		ImportRuns.Run run = runs.find(uuid, user.id()).orElseThrow(NotFound::new);
		model.addAttribute("run", run);
		if (run.state() == ImportRuns.State.DONE) {
			model.addAttribute("done", done(run.result()));
			// imported letters wait for review: the page links to that list without spelling the status
			model.addAttribute("waitingForReview", LetterStatus.RECEIVED);
		}
		return run;
	}

	@GetMapping("/volunteer/letters/import/template.csv")
	ResponseEntity<byte[]> template() {
		return download(templates.csv(), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"asan-mektub-letters.csv");
	}

	@GetMapping("/volunteer/letters/import/template.xlsx")
	ResponseEntity<byte[]> templateXlsx(Locale locale) {
		return download(templates.xlsx(locale), XLSX, "asan-mektub-letters.xlsx");
	}

	@GetMapping("/volunteer/letters/import/regions")
	String regions(Model model, Locale locale) {
		model.addAttribute("regions", templates.regionRows(locale));
		return "volunteer/import-regions";
	}

	@GetMapping("/volunteer/letters/import/regions.csv")
	ResponseEntity<byte[]> regionsCsv(Locale locale) {
		return download(templates.regionsCsv(locale), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"asan-mektub-regions.csv");
	}

	private String done(LetterImport.Result result) {
		return messages.get("import.done", result.imported(), result.alreadyPresent()) + " "
				+ (result.exampleSkipped() ? messages.get("import.exampleSkipped") + " " : "")
				+ messages.get("import.readAs", result.encoding());
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private String page(Model model, Long campaignId, LetterImport.Result result, Locale locale) {
		model.addAttribute("campaignOptions", campaignOptions.takingLetters(locale));
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("result", result);
		model.addAttribute("columns", LetterImport.COLUMNS);
		model.addAttribute("required", templates.requiredColumns());
		Map<String, String> names = new java.util.HashMap<>();
		LetterImport.COLUMNS.forEach(c -> names.put(c, String.join(" · ", importer.headingsOf(c))));
		model.addAttribute("columnNames", names);
		model.addAttribute("rowLimit", importer.maxRows());
		return "volunteer/import";
	}

}
