package az.asan.mektub.letter.importing;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;



import az.asan.mektub.account.RegionScope;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.letter.CareSetting;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Child;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.Letter;
import az.asan.mektub.letter.LetterForm;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.LetterStatusChange;
import az.asan.mektub.letter.privacy.PersonalDataCheck;
import az.asan.mektub.letter.sql.LetterSql;
import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Many letters at once from a spreadsheet: XLSX, or CSV as Excel saves it (UTF-8, UTF-16 or the
 * Windows code pages 1254 and 1251; comma, semicolon or tab, see {@link ImportFile}). A cell with a
 * control character, or with the marks of a lost letter, refuses the file with its row named. A
 * file over the configured number of rows is refused before it costs more. Every row is checked before anything is written: if
 * any row is wrong, the answer lists each problem by line and column and nothing is imported. A row
 * whose child already has a letter in the campaign counts as imported before, so the same file
 * imported twice creates no duplicates, also when both run at once (from two tabs or two nodes): the
 * writing holds a PostgreSQL advisory lock of the campaign and reads what is there after taking it.
 * Columns are named by their codes or their names in the three languages; only the required ones
 * must be there. The template's example row is skipped when the volunteer typed rows below it. The
 * rows go in through JDBC batches, so ten thousand take
 * seconds. Each row is checked by the registration page's own rules ({@link LetterForm} and
 * {@link LetterManagement#checkRules}) and built by its factory ({@link LetterManagement#newLetter}),
 * so a rule changed there holds here too.
 */
@Service
public class LetterImport {

	public static final List<String> COLUMNS = List.of("first_name", "surname", "birth_date", "gender",
			"region_code", "care_setting", "contact", "original_wish", "public_wish", "category", "sizes",
			"estimated_cost");

	/** How often (in rows) a long import tells how far it has come. */
	private static final int PROGRESS_EVERY = 250;

	/** More problems than this are not listed one by one; the first ones say enough. */
	static final int MAX_PROBLEMS = 200;

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	/** A problem of the file, said in the user's language. */
	public record Problem(long line, String column, String message) {
	}

	/** What came of a file; {@code encoding} names how it was read (empty when it was not read). */
	public record Result(int imported, int alreadyPresent, List<Problem> problems, boolean moreProblems, String encoding,
			boolean exampleSkipped) {

		public Result(int imported, int alreadyPresent, List<Problem> problems, boolean moreProblems, String encoding) {
			this(imported, alreadyPresent, problems, moreProblems, encoding, false);
		}

		public Result(int imported, int alreadyPresent, List<Problem> problems, boolean moreProblems) {
			this(imported, alreadyPresent, problems, moreProblems, "");
		}

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	/** A checked row: the letter the registration page's factory built from it, and the child's identity. */
	private record Row(long line, Letter letter, String key) {
	}

	/** Where each field of the registration form comes from in the file. */
	private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("campaignId", ""),
			Map.entry("firstName", "first_name"), Map.entry("surname", "surname"), Map.entry("birthDate", "birth_date"),
			Map.entry("gender", "gender"), Map.entry("regionId", "region_code"), Map.entry("careSetting", "care_setting"),
			Map.entry("contact", "contact"), Map.entry("originalWish", "original_wish"),
			Map.entry("publicWish", "public_wish"), Map.entry("category", "category"), Map.entry("sizes", "sizes"),
			Map.entry("estimatedCost", "estimated_cost"));

	private final Campaigns campaigns;

	private final LetterManagement letters;

	private final Validator validator;

	private final Messages messages;

	private final MessageSource messageSource;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final RegionNames regionNames;

	private final int maxRows;

	private final int backgroundAboveRows;

	private final ImportTemplates templates;

	private final az.asan.mektub.letter.LetterChanges changes;

	/** Every name a header may give a column (its code, and its name in each language), folded, to the code. */
	private final Map<String, String> columnNames = new HashMap<>();

	/** A column's names in the three languages, as the page's help shows them. */
	private final Map<String, List<String>> headings = new HashMap<>();

	LetterImport(Campaigns campaigns, RegionNames regionNames, LetterManagement letters, Validator validator,
			Messages messages, MessageSource messageSource, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
			AsanProperties asan, ImportTemplates templates, az.asan.mektub.letter.LetterChanges changes) {
		this.templates = templates;
		this.changes = changes;
		for (String column : COLUMNS) {
			columnNames.put(headerKey(column), column);
			String field = fieldOf(column);
			Set<String> names = new java.util.LinkedHashSet<>();
			for (Locale locale : RegionNames.LANGUAGES) {
				String name = messageSource.getMessage("import.header." + column, null, "", locale);
				if (name != null && !name.isBlank()) {
					names.add(name);
					columnNames.putIfAbsent(headerKey(name), column);
				}
				// The registration form's label, as a volunteer may copy it ("Ölçülər (könüllü)" too).
				String label = messageSource.getMessage("letterForm." + ("regionId".equals(field) ? "region" : field), null,
						"", locale);
				if (label != null && !label.isBlank()) {
					columnNames.putIfAbsent(headerKey(label), column);
					columnNames.putIfAbsent(headerKey(label.replaceAll("\\s*\\(.*\\)\\s*$", "")), column);
				}
			}
			headings.put(column, List.copyOf(names));
		}
		this.campaigns = campaigns;
		this.regionNames = regionNames;
		this.maxRows = asan.letterImport().maxRows();
		this.backgroundAboveRows = asan.letterImport().backgroundAboveRows();
		this.letters = letters;
		this.validator = validator;
		this.messages = messages;
		this.messageSource = messageSource;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * A header cell as it is compared: case and the Azerbaijani letters folded (with the Azerbaijani
	 * rules, so "İctimai" is "ictimai", never the default locale's dotted i), and "_", "-" and runs of
	 * spaces read as one space, so "First name", "FIRST_NAME" and "first_name" are one column.
	 */
	static String headerKey(String name) {
		return PersonalDataCheck.fold(name.strip()).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
	}

	/** The names a column's heading may have instead of its code: one in each language. */
	public List<String> headingsOf(String column) {
		return headings.getOrDefault(column, List.of());
	}

	/** The registration form's field a column fills; null for none. */
	static String fieldOf(String column) {
		return COLUMN_OF.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(column))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Imports a file: XLSX or CSV in any of the encodings Excel in Azerbaijan saves (see
	 * {@link ImportFile}). The file is read twice, row by row: first every row is checked (and the
	 * rows counted against the cap), then, if all are right, the letters are built and written in
	 * batches, so neither the file nor its letters are held whole.
	 */
	/** How far a long import has come, told as it goes (the background run keeps it in the database). */
	public interface Progress {

		Progress NONE = new Progress() {
		};

		default void checked(int rows) {
		}

		default void written(int rows) {
		}

	}

	@Transactional
	public Result run(ImportFile.Source file, Long campaignId, RegionScope scope, long volunteerId) throws IOException {
		return run(file, campaignId, scope, volunteerId, Progress.NONE);
	}

	/**
	 * The letter rows of a file, counted quickly to decide whether it runs in the background; -1 for
	 * a file that cannot be read (the import itself then says why).
	 */
	public int rowsIn(ImportFile.Source file) {
		try {
			return countRows(ImportFile.detect(file), file, maxRows);
		}
		catch (ImportFile.Unreadable | IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The most letter rows a file may hold. */
	public int maxRows() {
		return maxRows;
	}

	/** Whether a file of this many rows runs in the background (and is not refused outright by the cap). */
	public boolean runsInBackground(int rows) {
		return rows > backgroundAboveRows && rows <= maxRows;
	}

	@Transactional
	public Result run(ImportFile.Source file, Long campaignId, RegionScope scope, long volunteerId, Progress progress)
			throws IOException {
		List<Problem> problems = new ArrayList<>();
		Campaign campaign = campaignId == null ? null : campaigns.findById(campaignId).orElse(null);
		if (campaign == null || campaign.getStatus() != CampaignStatus.OPEN) {
			// A planned campaign takes no letters yet (said once for the file, not on every row).
			problems.add(problem(0, "", campaign == null ? "import.campaign.required"
					: campaign.getStatus() == CampaignStatus.CLOSED ? "letter.campaign.closed" : "letter.campaign.notOpen"));
			return new Result(0, 0, problems, false);
		}
		ImportFile.Format format;
		try {
			format = ImportFile.detect(file);
		}
		catch (ImportFile.Unreadable ex) {
			problems.add(problem(0, "", ex.key, messages.get("import.saveAsUtf8")));
			return new Result(0, 0, problems, false);
		}
		String encoding = messages.get(format.key());
		Checking checking = new Checking(campaign, scope, volunteerId, encoding, problems, progress);
		try {
			if (countRows(format, file, maxRows) <= maxRows) {
				ImportFile.rows(format, file, checking);
			}
			else {
				problems.add(problem(0, "", "import.tooManyRows.counted", countRows(format, file, Integer.MAX_VALUE - 1),
						maxRows));
			}
		}
		catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException | IOException ex) {
			problems.add(problem(0, "", format.xlsx() ? "import.xlsx.unreadable" : "import.unreadable"));
		}
		if (checking.lostLetters) {
			// Said once for the file; the rows above list only where the "?" stand.
			problems.add(0, problem(0, "", "import.questionMark.file", encoding, messages.get("import.saveAsUtf8")));
		}
		if (checking.header == null && problems.isEmpty()) {
			problems.add(problem(0, "", "import.empty"));
		}
		if (!problems.isEmpty()) {
			boolean more = problems.size() > MAX_PROBLEMS;
			return new Result(0, 0, more ? problems.subList(0, MAX_PROBLEMS) : problems, more, encoding);
		}
		if (checking.rows == 0) {
			problems.add(problem(0, "", "import.noRows"));
			return new Result(0, 0, problems, false, encoding);
		}
		// Two imports into one campaign (two tabs, two nodes) write one after the other: the lock is
		// held to the end of this transaction, and the letters already there are read after taking
		// it, so the second skips what the first wrote (READ COMMITTED: each statement sees the
		// latest commits).
		lockCampaign(campaign.getId());
		// The template's example row is skipped when the volunteer typed rows of their own; a template
		// uploaded as it is (the example its only row) still shows that the file goes in.
		boolean skipExample = checking.exampleRows > 0 && checking.rows > checking.exampleRows;
		Writing writing = new Writing(checking, existingKeys(campaign.getId()), progress, skipExample);
		ImportFile.rows(format, file, writing);
		writing.flush();
		int skipped = skipExample ? checking.exampleRows : 0;
		return new Result(writing.imported, checking.rows - skipped - writing.imported, List.of(), false, encoding,
				skipExample);
	}

	/** The letter rows of the file (blank ones do not count), counted quickly; past the cap the count stops. */
	private static int countRows(ImportFile.Format format, ImportFile.Source file, int cap) throws IOException {
		int[] rows = { -1 };
		ImportFile.rows(format, file, (line, cells) -> {
			if (rows[0] < 0 || cells.stream().anyMatch(c -> !c.isBlank())) {
				rows[0]++;
			}
			if (rows[0] > cap) {
				throw new ImportFile.Stop();
			}
		});
		return Math.max(rows[0], 0);
	}

	/** The first reading: the header, then every row checked, its child remembered to find repeats. */
	private final class Checking implements ImportFile.RowHandler {

		final Campaign campaign;

		final RegionScope scope;

		final long volunteerId;

		final String encoding;

		final List<Problem> problems;

		Map<String, Integer> header;

		int rows;

		/** Rows that are the template's example, exactly as the template has it. */
		int exampleRows;

		/** Whether a cell had "?" where a letter was lost (the explanation is then said once). */
		boolean lostLetters;

		final Map<String, Long> seen = new HashMap<>();

		final Progress progress;

		Checking(Campaign campaign, RegionScope scope, long volunteerId, String encoding, List<Problem> problems,
				Progress progress) {
			this.progress = progress;
			this.campaign = campaign;
			this.scope = scope;
			this.volunteerId = volunteerId;
			this.encoding = encoding;
			this.problems = problems;
		}

		@Override
		public void row(long line, List<String> cells) {
			if (header == null) {
				header(line, cells);
				return;
			}
			if (cells.stream().allMatch(String::isBlank)) {
				return;
			}
			rows++;
			if (rows % PROGRESS_EVERY == 0) {
				progress.checked(rows);
			}
			if (problems.size() > MAX_PROBLEMS) {
				return;
			}
			List<Problem> unsafe = unsafeCells(line, cells);
			if (!unsafe.isEmpty()) {
				problems.addAll(unsafe);
				return;
			}
			Map<String, String> values = values(cells);
			if (ImportTemplates.isExample(values)) {
				exampleRows++;
			}
			Row row = check(line, values, campaign, scope, volunteerId, problems, true);
			if (row == null) {
				return;
			}
			Long earlier = seen.putIfAbsent(row.key(), row.line());
			if (earlier != null) {
				problems.add(problem(row.line(), "first_name", "import.duplicateInFile", earlier));
			}
		}

		private void header(long line, List<String> cells) {
			List<Problem> unsafe = unsafeCells(line, cells);
			if (!unsafe.isEmpty()) {
				problems.addAll(unsafe);
				throw new ImportFile.Stop();
			}
			// A column is named by its code or by its name in any of the three languages (as the
			// template and the page's help show them); only the required ones must be there.
			Map<String, Integer> found = new HashMap<>();
			List<String> unknown = new ArrayList<>();
			for (int i = 0; i < cells.size(); i++) {
				String name = cells.get(i).strip();
				if (i == 0 && name.startsWith("\uFEFF")) {
					name = name.substring(1).strip();
				}
				if (name.isEmpty()) {
					continue;
				}
				String column = columnNames.get(headerKey(name));
				if (column == null) {
					unknown.add(name);
				}
				else {
					found.putIfAbsent(column, i);
				}
			}
			for (String column : templates.requiredColumns()) {
				if (!found.containsKey(column)) {
					problems.add(problem(1, column, "import.column.missing", column));
				}
			}
			for (String name : unknown) {
				problems.add(problem(1, name, "import.column.unknown", name));
			}
			header = found;
			if (!problems.isEmpty()) {
				throw new ImportFile.Stop();
			}
		}

		/**
		 * A cell with a NUL or another control character (PostgreSQL refuses NUL; none is typed by a
		 * person), or with U+FFFD, the mark an earlier conversion left where it lost a letter, or with
		 * "?" where a letter belongs, as Excel writes letters the chosen encoding lacks (ə in 1254).
		 */
		private List<Problem> unsafeCells(long line, List<String> cells) {
			List<Problem> found = new ArrayList<>();
			for (int i = 0; i < cells.size(); i++) {
				String cell = cells.get(i);
				String column = header == null ? "" : columnAt(i);
				for (int k = 0; k < cell.length(); k++) {
					char c = cell.charAt(k);
					if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
						found.add(problem(line, column, "import.control", String.format("U+%04X", (int) c)));
						break;
					}
					if (c == '\uFFFD') {
						found.add(problem(line, column, "import.replacementChar", encoding, messages.get("import.saveAsUtf8")));
						break;
					}
				}
			}
			if (found.isEmpty() && header != null) {
				// Every "?" spot of the row, briefly; why and what to do is said once for the file.
				for (int i = 0; i < cells.size(); i++) {
					String column = columnAt(i);
					if (lostLetter(column, cells.get(i))) {
						found.add(problem(line, column, "import.questionMark.cell", cells.get(i).strip()));
						lostLetters = true;
					}
				}
			}
			return found;
		}

		private String columnAt(int index) {
			return header.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).findFirst().orElse("");
		}

		private Map<String, String> values(List<String> cells) {
			Map<String, String> v = new HashMap<>();
			for (String column : COLUMNS) {
				Integer index = header.get(column);
				v.put(column, index != null && index < cells.size() ? cells.get(index).strip() : "");
			}
			return v;
		}

	}

	/** A name never holds "?"; elsewhere a "?" between two letters stands for a lost one. */
	static boolean lostLetter(String column, String cell) {
		if (cell.indexOf('?') < 0) {
			return false;
		}
		if ("first_name".equals(column) || "surname".equals(column)) {
			return true;
		}
		for (int k = 1; k + 1 < cell.length(); k++) {
			if (cell.charAt(k) == '?' && Character.isLetter(cell.charAt(k - 1)) && Character.isLetter(cell.charAt(k + 1))) {
				return true;
			}
		}
		return false;
	}

	/** The second reading, once every row is right: the letters built and written a batch at a time. */
	private final class Writing implements ImportFile.RowHandler {

		private static final int BATCH = 1_000;

		private final Checking checked;

		private final Set<String> present;

		private final List<Letter> batch = new ArrayList<>();

		private final Progress progress;

		private boolean headerSeen;

		private int done;

		int imported;

		private final boolean skipExample;

		Writing(Checking checked, Set<String> present, Progress progress, boolean skipExample) {
			this.skipExample = skipExample;
			this.checked = checked;
			this.present = present;
			this.progress = progress;
		}

		@Override
		public void row(long line, List<String> cells) {
			if (!headerSeen) {
				headerSeen = true;
				return;
			}
			if (cells.stream().allMatch(String::isBlank)) {
				return;
			}
			done++;
			List<Problem> none = new ArrayList<>();
			Map<String, String> values = checked.values(cells);
			if (skipExample && ImportTemplates.isExample(values)) {
				return;
			}
			Row row = check(line, values, checked.campaign, checked.scope, checked.volunteerId, none, false);
			if (row == null || !present.add(row.key())) {
				return;
			}
			batch.add(row.letter());
			if (batch.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			insert(batch);
			imported += batch.size();
			batch.clear();
			progress.written(done);
		}

	}

	/**
	 * One row, checked as the registration page checks its form: the cells are converted (a value
	 * that does not convert is reported in the file's terms, with what was typed), then the same
	 * {@link LetterForm} is validated by its own annotations and by {@link LetterManagement#checkRules},
	 * so that a rule says the same thing here as on the page; the letter is built by the same factory.
	 */
	private Row check(long line, Map<String, String> v, Campaign campaign, RegionScope scope, long volunteerId,
			List<Problem> problems, boolean validate) {
		List<Problem> found = new ArrayList<>();
		LocalDate birthDate = null;
		if (!v.get("birth_date").isEmpty()) {
			birthDate = parseDate(v.get("birth_date"));
			if (birthDate == null) {
				found.add(problem(line, "birth_date", "import.date.invalid", v.get("birth_date")));
			}
		}
		Gender gender = gender(v.get("gender"));
		if (gender == null && !v.get("gender").isEmpty()) {
			found.add(problem(line, "gender", "import.gender.invalid", v.get("gender")));
		}
		Integer regionId = null;
		if (!v.get("region_code").isEmpty()) {
			RegionNames.Match region = regionNames.find(v.get("region_code"));
			if (region.found()) {
				regionId = region.region().id();
			}
			else if (region.regions().isEmpty()) {
				found.add(problem(line, "region_code", "import.region.unknown", v.get("region_code")));
			}
			else {
				found.add(problem(line, "region_code", "import.region.ambiguous", v.get("region_code"),
						String.join(", ", region.regions().stream().map(r -> r.code() + " — "
								+ regionNames.label(r, LocaleContextHolder.getLocale())).toList())));
			}
		}
		CareSetting care = constant(CareSetting.class, v.get("care_setting"));
		if (care == null && !v.get("care_setting").isEmpty()) {
			found.add(problem(line, "care_setting", "import.choice.invalid", v.get("care_setting"),
					String.join(", ", names(CareSetting.values()))));
		}
		Category category = constant(Category.class, v.get("category"));
		if (category == null && !v.get("category").isEmpty()) {
			found.add(problem(line, "category", "import.choice.invalid", v.get("category"),
					String.join(", ", names(Category.values()))));
		}
		BigDecimal cost = null;
		if (!v.get("estimated_cost").isEmpty()) {
			cost = money(v.get("estimated_cost"));
			if (cost == null) {
				found.add(problem(line, "estimated_cost", "import.cost.invalid", v.get("estimated_cost")));
			}
		}
		LetterForm form = new LetterForm(campaign.getId(), v.get("first_name"), v.get("surname"), birthDate, gender,
				regionId, care, v.get("contact"), v.get("original_wish"), v.get("public_wish"), category, v.get("sizes"),
				cost, false, null, false);
		BindingResult errors = new DirectFieldBindingResult(form, "letterForm");
		if (validate) {
			validator.validate(form, errors);
			letters.checkRules(form, campaign, scope, errors);
		}
		Set<String> unconverted = new HashSet<>();
		found.forEach(p -> unconverted.add(p.column()));
		for (FieldError error : errors.getFieldErrors()) {
			String column = COLUMN_OF.getOrDefault(error.getField(), "");
			if (unconverted.add(column)) {
				found.add(new Problem(line, column, ruleMessage(error, v.get(column))));
			}
		}
		if (validate && !v.get("public_wish").isEmpty()) {
			for (String finding : PersonalDataCheck.findings(v.get("public_wish"), v.get("surname"), v.get("contact"))) {
				found.add(problem(line, "public_wish", finding));
			}
		}
		if (!found.isEmpty()) {
			found.sort(java.util.Comparator.comparingInt(p -> COLUMNS.indexOf(p.column())));
			problems.addAll(found);
			return null;
		}
		String key = PersonalDataCheck.fold(form.firstName()) + "|" + PersonalDataCheck.fold(form.surname()) + "|"
				+ birthDate + "|" + regionId;
		return new Row(line, letters.newLetter(form, campaign, volunteerId, "IMPORTED"), key);
	}

	/**
	 * What the page says beside the field, in the user's language. A region is named in the file by
	 * its code, so the code leads the message. Two rules keep the file's own wording (the same rule,
	 * the same numbers): the age, as the file has no reference-date column, and the length, as a
	 * column is not a field one types into.
	 */
	private String ruleMessage(FieldError error, String typed) {
		Object[] args = error.getArguments();
		String text = switch (String.valueOf(error.getCode())) {
			case "letter.age.outOfRange" -> messages.get("import.age.outOfRange", args[0], args[1], args[2]);
			case "Size" -> messages.get("import.tooLong", args[1]);
			default -> messageSource.getMessage(error, LocaleContextHolder.getLocale());
		};
		return "regionId".equals(error.getField()) ? messages.get("import.cell", typed, text) : text;
	}

	private Problem problem(long line, String column, String key, Object... args) {
		return new Problem(line, column, messages.get(key, args));
	}

	/** The advisory lock's first key, so that the campaign's id never meets another lock's number. */
	private static final int IMPORT_LOCK = 4242101;

	private void lockCampaign(long campaignId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(IMPORT_LOCK, Long.hashCode(campaignId)).query().singleValue();
	}

	private Set<String> existingKeys(long campaignId) {
		return new HashSet<>(jdbc.sql("""
				SELECT az_fold(c.first_name) || '|' || az_fold(coalesce(c.surname, '')) || '|' || c.birth_date || '|' || c.region_id
				FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = ? AND %s""".formatted(LetterSql.isNot("l", LetterStatus.WITHDRAWN)))
			.param(campaignId).query(String.class).list());
	}

	/** The letters built by {@link LetterManagement#newLetter}, written in three JDBC batches. */
	private void insert(List<Letter> rows) {
		// new letters wait for review on the desks: their counts change
		changes.changed(az.asan.mektub.letter.LetterChanged.many());
		if (rows.isEmpty()) {
			return;
		}
		List<Long> childIds = ids("child_id_seq", rows.size());
		List<Long> letterIds = ids("letter_id_seq", rows.size());
		jdbcTemplate.batchUpdate("""
				INSERT INTO child (id, first_name, surname, birth_date, gender, region_id, care_setting, contact, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new Batch(rows.size()) {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Child c = rows.get(i).getChild();
				ps.setLong(1, childIds.get(i));
				ps.setString(2, c.getFirstName());
				ps.setString(3, c.getSurname());
				ps.setDate(4, Date.valueOf(c.getBirthDate()));
				ps.setString(5, c.getGender().name());
				ps.setInt(6, c.getRegionId());
				ps.setString(7, c.getCareSetting().name());
				ps.setString(8, c.getContact());
				ps.setTimestamp(9, Timestamp.from(c.getCreatedAt()));
			}
		});
		jdbcTemplate.batchUpdate("""
				INSERT INTO letter (id, code, gift_tag_code, campaign_id, child_id, region_id, first_name, age, gender,
				                    status, original_wish, public_wish, category, sizes, estimated_cost, scan_shareable,
				                    registered_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new Batch(rows.size()) {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Letter l = rows.get(i);
				ps.setLong(1, letterIds.get(i));
				ps.setString(2, l.getCode());
				ps.setString(3, l.getGiftTagCode());
				ps.setLong(4, l.getCampaignId());
				ps.setLong(5, childIds.get(i));
				ps.setInt(6, l.getRegionId());
				ps.setString(7, l.getFirstName());
				ps.setShort(8, (short) l.getAge());
				ps.setString(9, l.getGender().name());
				ps.setString(10, l.getStatus().name());
				ps.setString(11, l.getOriginalWish());
				ps.setString(12, l.getPublicWish());
				ps.setString(13, l.getCategory().name());
				if (l.getSizes() == null) {
					ps.setNull(14, Types.VARCHAR);
				}
				else {
					ps.setString(14, l.getSizes());
				}
				ps.setBigDecimal(15, l.getEstimatedCost());
				ps.setBoolean(16, l.isScanShareable());
				ps.setLong(17, l.getRegisteredBy());
				ps.setTimestamp(18, Timestamp.from(l.getCreatedAt()));
				ps.setTimestamp(19, Timestamp.from(l.getUpdatedAt()));
			}
		});
		jdbcTemplate.batchUpdate("""
				INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_by, changed_at, reason, note_text)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", new Batch(rows.size()) {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				LetterStatusChange h = rows.get(i).getHistory().get(0);
				ps.setLong(1, letterIds.get(i));
				ps.setString(2, h.getFromStatus() == null ? null : h.getFromStatus().name());
				ps.setString(3, h.getToStatus().name());
				ps.setLong(4, h.getChangedBy());
				ps.setTimestamp(5, Timestamp.from(h.getChangedAt()));
				ps.setString(6, h.getReason());
				ps.setString(7, h.getNoteText());
			}
		});
	}

	private List<Long> ids(String sequence, int count) {
		return jdbc.sql("SELECT nextval('" + sequence + "') FROM generate_series(1, ?)").param(count).query(Long.class).list();
	}

	private abstract static class Batch implements BatchPreparedStatementSetter {

		private final int size;

		Batch(int size) {
			this.size = size;
		}

		@Override
		public int getBatchSize() {
			return size;
		}

	}

	static LocalDate parseDate(String text) {
		try {
			LocalDate date = text.contains(".") ? LocalDate.parse(text, DOTTED) : LocalDate.parse(text);
			// A year no child and no database date has is as unreadable as a typo.
			return date.getYear() < 1900 || date.getYear() > 2199 ? null : date;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** F or M; Q (qız) and O (oğlan) too, as Azerbaijani volunteers write them. */
	static Gender gender(String text) {
		return switch (text.toUpperCase(AZ)) {
			case "F", "Q", "QIZ" -> Gender.F;
			case "M", "O", "OĞLAN" -> Gender.M;
			default -> null;
		};
	}

	static BigDecimal money(String text) {
		String plain = text.replace("₼", "").replace(" ", "").replace("\u00a0", "").replace(',', '.');
		if (plain.length() > 30) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(plain);
			// 1e-10000000 is short, but rounding it takes seconds of one core.
			if (Math.abs(value.scale()) > 10 || value.precision() - value.scale() > 12) {
				return null;
			}
			return value.setScale(2, java.math.RoundingMode.HALF_UP);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String text) {
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

}
