package az.asan.mektub.letter.importing;

import java.io.IOException;
import java.io.Reader;
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
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;


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
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;
import az.asan.mektub.system.Messages;

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
 * Many letters at once from a spreadsheet saved as CSV (UTF-8; comma or semicolon, as spreadsheet
 * programs in Azerbaijani and Russian save it). Every row is checked before anything is written: if
 * any row is wrong, the answer lists each problem by line and column and nothing is imported. A row
 * whose child already has a letter in the campaign counts as imported before, so the same file
 * imported twice creates no duplicates. The rows go in through JDBC batches, so ten thousand take
 * seconds. Each row is checked by the registration page's own rules ({@link LetterForm} and
 * {@link LetterManagement#checkRules}) and built by its factory ({@link LetterManagement#newLetter}),
 * so a rule changed there holds here too.
 */
@Service
public class LetterImport {

	public static final List<String> COLUMNS = List.of("first_name", "surname", "birth_date", "gender",
			"region_code", "care_setting", "contact", "original_wish", "public_wish", "category", "sizes",
			"estimated_cost");

	/** More problems than this are not listed one by one; the first ones say enough. */
	static final int MAX_PROBLEMS = 200;

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	/** A problem of the file, said in the user's language. */
	public record Problem(long line, String column, String message) {
	}

	public record Result(int imported, int alreadyPresent, List<Problem> problems, boolean moreProblems) {

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

	private final Regions regions;

	private final LetterManagement letters;

	private final Validator validator;

	private final Messages messages;

	private final MessageSource messageSource;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	LetterImport(Campaigns campaigns, Regions regions, LetterManagement letters, Validator validator, Messages messages,
			MessageSource messageSource, JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.campaigns = campaigns;
		this.regions = regions;
		this.letters = letters;
		this.validator = validator;
		this.messages = messages;
		this.messageSource = messageSource;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** The header and one example row, for volunteers to fill in. */
	public static String template() {
		return String.join(",", COLUMNS) + "\r\n"
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-BA-YAS,CHILDREN_HOME,\"Uşaq evi №2, tel. +994 12 000 00 00\","
				+ "\"Mən gitara çalmağı öyrənmək istəyirəm\",Gitara,MUSIC,,\"80,00\"\r\n";
	}

	@Transactional
	public Result run(Reader csv, Long campaignId, RegionScope scope, long volunteerId) throws IOException {
		List<Problem> problems = new ArrayList<>();
		Campaign campaign = campaignId == null ? null : campaigns.findById(campaignId).orElse(null);
		if (campaign == null || campaign.getStatus() == CampaignStatus.CLOSED) {
			problems.add(problem(0, "", campaign == null ? "import.campaign.required" : "letter.campaign.closed"));
			return new Result(0, 0, problems, false);
		}
		String text = readAll(csv);
		if (text.isBlank()) {
			problems.add(problem(0, "", "import.empty"));
			return new Result(0, 0, problems, false);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = firstLine.contains(";") && !firstLine.contains(",") ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			Map<String, Integer> header = new HashMap<>();
			parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
			for (String column : COLUMNS) {
				if (!header.containsKey(column)) {
					problems.add(problem(1, column, "import.column.missing", column));
				}
			}
			for (String column : header.keySet()) {
				if (!COLUMNS.contains(column)) {
					problems.add(problem(1, column, "import.column.unknown", column));
				}
			}
			if (!problems.isEmpty()) {
				return new Result(0, 0, problems, false);
			}
			Map<String, Long> seen = new HashMap<>();
			for (CSVRecord record : parser) {
				if (problems.size() > MAX_PROBLEMS) {
					break;
				}
				Row row = check(record, header, campaign, scope, volunteerId, problems);
				if (row == null) {
					continue;
				}
				Long earlier = seen.putIfAbsent(row.key(), row.line());
				if (earlier != null) {
					problems.add(problem(row.line(), "first_name", "import.duplicateInFile", earlier));
					continue;
				}
				rows.add(row);
			}
		}
		catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException ex) {
			problems.add(problem(0, "", "import.unreadable"));
		}
		if (!problems.isEmpty()) {
			boolean more = problems.size() > MAX_PROBLEMS;
			return new Result(0, 0, more ? problems.subList(0, MAX_PROBLEMS) : problems, more);
		}
		if (rows.isEmpty()) {
			problems.add(problem(0, "", "import.noRows"));
			return new Result(0, 0, problems, false);
		}
		Set<String> present = existingKeys(campaign.getId());
		List<Letter> fresh = rows.stream().filter(r -> !present.contains(r.key())).map(Row::letter).toList();
		insert(fresh);
		return new Result(fresh.size(), rows.size() - fresh.size(), List.of(), false);
	}

	/**
	 * One row, checked as the registration page checks its form: the cells are converted (a value
	 * that does not convert is reported in the file's terms, with what was typed), then the same
	 * {@link LetterForm} is validated by its own annotations and by {@link LetterManagement#checkRules},
	 * so that a rule says the same thing here as on the page; the letter is built by the same factory.
	 */
	private Row check(CSVRecord record, Map<String, Integer> header, Campaign campaign, RegionScope scope,
			long volunteerId, List<Problem> problems) {
		long line = record.getParser().getCurrentLineNumber();
		Map<String, String> v = new HashMap<>();
		for (String column : COLUMNS) {
			int index = header.get(column);
			v.put(column, index < record.size() ? record.get(index).strip() : "");
		}
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
			Optional<Region> region = regions.byCode(v.get("region_code"));
			if (region.isEmpty()) {
				found.add(problem(line, "region_code", "import.region.unknown", v.get("region_code")));
			}
			else {
				regionId = region.get().id();
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
		validator.validate(form, errors);
		letters.checkRules(form, campaign, scope, errors);
		Set<String> unconverted = new HashSet<>();
		found.forEach(p -> unconverted.add(p.column()));
		for (FieldError error : errors.getFieldErrors()) {
			String column = COLUMN_OF.getOrDefault(error.getField(), "");
			if (unconverted.add(column)) {
				found.add(new Problem(line, column, ruleMessage(error, v.get(column))));
			}
		}
		if (!v.get("public_wish").isEmpty()) {
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

	private Set<String> existingKeys(long campaignId) {
		return new HashSet<>(jdbc.sql("""
				SELECT az_fold(c.first_name) || '|' || az_fold(coalesce(c.surname, '')) || '|' || c.birth_date || '|' || c.region_id
				FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = ? AND %s""".formatted(LetterSql.isNot("l", LetterStatus.WITHDRAWN)))
			.param(campaignId).query(String.class).list());
	}

	/** The letters built by {@link LetterManagement#newLetter}, written in three JDBC batches. */
	private void insert(List<Letter> rows) {
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

	private static String readAll(Reader reader) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] buffer = new char[8192];
		int n;
		while ((n = reader.read(buffer)) != -1) {
			out.append(buffer, 0, n);
		}
		String text = out.toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
