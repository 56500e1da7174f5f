package az.asan.mektub.letter;

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
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many letters at once from a spreadsheet saved as CSV (UTF-8; comma or semicolon, as spreadsheet
 * programs in Azerbaijani and Russian save it). Every row is checked before anything is written: if
 * any row is wrong, the answer lists each problem by line and column and nothing is imported. A row
 * whose child already has a letter in the campaign counts as imported before, so the same file
 * imported twice creates no duplicates. The rows go in through JDBC batches, so ten thousand take
 * seconds.
 */
@Service
public class LetterImport {

	public static final List<String> COLUMNS = List.of("first_name", "surname", "birth_date", "gender",
			"region_code", "care_setting", "contact", "original_wish", "public_wish", "category", "sizes",
			"estimated_cost");

	static final Set<String> OPTIONAL = Set.of("sizes");

	/** More problems than this are not listed one by one; the first ones say enough. */
	static final int MAX_PROBLEMS = 200;

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	public record Problem(long line, String column, String messageKey, List<Object> args) {
	}

	public record Result(int imported, int alreadyPresent, List<Problem> problems, boolean moreProblems) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	private record Row(long line, String firstName, String surname, LocalDate birthDate, Gender gender, int regionId,
			CareSetting careSetting, String contact, String originalWish, String publicWish, Category category,
			String sizes, BigDecimal cost, int age, String key) {
	}

	private final Campaigns campaigns;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	LetterImport(Campaigns campaigns, Regions regions, JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.campaigns = campaigns;
		this.regions = regions;
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
			problems.add(new Problem(0, "", campaign == null ? "import.campaign.required" : "letter.campaign.closed",
					List.of()));
			return new Result(0, 0, problems, false);
		}
		String text = readAll(csv);
		if (text.isBlank()) {
			problems.add(new Problem(0, "", "import.empty", List.of()));
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
					problems.add(new Problem(1, column, "import.column.missing", List.of(column)));
				}
			}
			for (String column : header.keySet()) {
				if (!COLUMNS.contains(column)) {
					problems.add(new Problem(1, column, "import.column.unknown", List.of(column)));
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
				Row row = check(record, header, campaign, scope, problems);
				if (row == null) {
					continue;
				}
				Long earlier = seen.putIfAbsent(row.key(), row.line());
				if (earlier != null) {
					problems.add(new Problem(row.line(), "first_name", "import.duplicateInFile", List.of(earlier)));
					continue;
				}
				rows.add(row);
			}
		}
		catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException ex) {
			problems.add(new Problem(0, "", "import.unreadable", List.of()));
		}
		if (!problems.isEmpty()) {
			boolean more = problems.size() > MAX_PROBLEMS;
			return new Result(0, 0, more ? problems.subList(0, MAX_PROBLEMS) : problems, more);
		}
		if (rows.isEmpty()) {
			problems.add(new Problem(0, "", "import.noRows", List.of()));
			return new Result(0, 0, problems, false);
		}
		Set<String> present = existingKeys(campaign.getId());
		List<Row> fresh = rows.stream().filter(r -> !present.contains(r.key())).toList();
		insert(fresh, campaign.getId(), volunteerId);
		return new Result(fresh.size(), rows.size() - fresh.size(), List.of(), false);
	}

	private Row check(CSVRecord record, Map<String, Integer> header, Campaign campaign, RegionScope scope,
			List<Problem> problems) {
		long line = record.getParser().getCurrentLineNumber();
		int before = problems.size();
		Map<String, String> v = new HashMap<>();
		for (String column : COLUMNS) {
			int index = header.get(column);
			String value = index < record.size() ? record.get(index).strip() : "";
			v.put(column, value);
			if (value.isEmpty() && !OPTIONAL.contains(column)) {
				problems.add(new Problem(line, column, "import.required", List.of()));
			}
		}
		length(v, "first_name", 60, line, problems);
		length(v, "surname", 80, line, problems);
		length(v, "contact", 300, line, problems);
		length(v, "original_wish", 2000, line, problems);
		length(v, "public_wish", 300, line, problems);
		length(v, "sizes", 100, line, problems);

		LocalDate birthDate = null;
		if (!v.get("birth_date").isEmpty()) {
			birthDate = parseDate(v.get("birth_date"));
			if (birthDate == null) {
				problems.add(new Problem(line, "birth_date", "import.date.invalid", List.of(v.get("birth_date"))));
			}
		}
		int age = 0;
		if (birthDate != null) {
			age = campaign.ageOn(birthDate);
			if (!campaign.acceptsAge(age)) {
				problems.add(new Problem(line, "birth_date", "import.age.outOfRange",
						List.of(age, campaign.getMinAge(), campaign.getMaxAge())));
			}
		}
		Gender gender = gender(v.get("gender"));
		if (gender == null && !v.get("gender").isEmpty()) {
			problems.add(new Problem(line, "gender", "import.gender.invalid", List.of(v.get("gender"))));
		}
		Integer regionId = null;
		if (!v.get("region_code").isEmpty()) {
			Optional<Region> region = regions.byCode(v.get("region_code"));
			if (region.isEmpty() || !region.get().acceptsLetters()) {
				problems.add(new Problem(line, "region_code", "import.region.unknown", List.of(v.get("region_code"))));
			}
			else if (!scope.includes(region.get().id())) {
				problems.add(new Problem(line, "region_code", "import.region.notYours", List.of(v.get("region_code"))));
			}
			else {
				regionId = region.get().id();
			}
		}
		CareSetting care = constant(CareSetting.class, v.get("care_setting"));
		if (care == null && !v.get("care_setting").isEmpty()) {
			problems.add(new Problem(line, "care_setting", "import.choice.invalid",
					List.of(v.get("care_setting"), String.join(", ", names(CareSetting.values())))));
		}
		Category category = constant(Category.class, v.get("category"));
		if (category == null && !v.get("category").isEmpty()) {
			problems.add(new Problem(line, "category", "import.choice.invalid",
					List.of(v.get("category"), String.join(", ", names(Category.values())))));
		}
		BigDecimal cost = null;
		if (!v.get("estimated_cost").isEmpty()) {
			cost = money(v.get("estimated_cost"));
			if (cost == null || cost.signum() < 0 || cost.compareTo(new BigDecimal("5000")) > 0) {
				problems.add(new Problem(line, "estimated_cost", "import.cost.invalid", List.of(v.get("estimated_cost"))));
			}
		}
		if (!v.get("public_wish").isEmpty()) {
			for (String finding : PersonalDataCheck.findings(v.get("public_wish"), v.get("surname"), v.get("contact"))) {
				problems.add(new Problem(line, "public_wish", finding, List.of()));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		String key = PersonalDataCheck.fold(v.get("first_name")) + "|" + PersonalDataCheck.fold(v.get("surname")) + "|"
				+ birthDate + "|" + regionId;
		return new Row(line, v.get("first_name"), v.get("surname"), birthDate, gender, regionId, care,
				v.get("contact"), v.get("original_wish"), v.get("public_wish"), category,
				v.get("sizes").isEmpty() ? null : v.get("sizes"), cost, age, key);
	}

	private Set<String> existingKeys(long campaignId) {
		return new HashSet<>(jdbc.sql("""
				SELECT az_fold(c.first_name) || '|' || az_fold(coalesce(c.surname, '')) || '|' || c.birth_date || '|' || c.region_id
				FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = ? AND l.status <> 'WITHDRAWN'""").param(campaignId).query(String.class).list());
	}

	private void insert(List<Row> rows, long campaignId, long volunteerId) {
		if (rows.isEmpty()) {
			return;
		}
		List<Long> childIds = ids("child_id_seq", rows.size());
		List<Long> letterIds = ids("letter_id_seq", rows.size());
		Timestamp now = Timestamp.from(Instant.now());
		jdbcTemplate.batchUpdate("""
				INSERT INTO child (id, first_name, surname, birth_date, gender, region_id, care_setting, contact, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new Batch(rows.size()) {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Row r = rows.get(i);
				ps.setLong(1, childIds.get(i));
				ps.setString(2, r.firstName());
				ps.setString(3, r.surname());
				ps.setDate(4, Date.valueOf(r.birthDate()));
				ps.setString(5, r.gender().name());
				ps.setInt(6, r.regionId());
				ps.setString(7, r.careSetting().name());
				ps.setString(8, r.contact());
				ps.setTimestamp(9, now);
			}
		});
		jdbcTemplate.batchUpdate("""
				INSERT INTO letter (id, code, gift_tag_code, campaign_id, child_id, region_id, first_name, age, gender,
				                    status, original_wish, public_wish, category, sizes, estimated_cost, registered_by,
				                    created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?)""", new Batch(rows.size()) {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Row r = rows.get(i);
				ps.setLong(1, letterIds.get(i));
				ps.setString(2, LetterCodes.publicCode());
				ps.setString(3, LetterCodes.giftTagCode());
				ps.setLong(4, campaignId);
				ps.setLong(5, childIds.get(i));
				ps.setInt(6, r.regionId());
				ps.setString(7, r.firstName());
				ps.setShort(8, (short) r.age());
				ps.setString(9, r.gender().name());
				ps.setString(10, r.originalWish());
				ps.setString(11, r.publicWish());
				ps.setString(12, r.category().name());
				if (r.sizes() == null) {
					ps.setNull(13, Types.VARCHAR);
				}
				else {
					ps.setString(13, r.sizes());
				}
				ps.setBigDecimal(14, r.cost());
				ps.setLong(15, volunteerId);
				ps.setTimestamp(16, now);
				ps.setTimestamp(17, now);
			}
		});
		jdbcTemplate.batchUpdate("""
				INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_by, changed_at, reason)
				VALUES (?, NULL, 'RECEIVED', ?, ?, 'IMPORTED')""", new Batch(rows.size()) {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				ps.setLong(1, letterIds.get(i));
				ps.setLong(2, volunteerId);
				ps.setTimestamp(3, now);
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

	private static void length(Map<String, String> v, String column, int max, long line, List<Problem> problems) {
		if (v.get(column).length() > max) {
			problems.add(new Problem(line, column, "import.tooLong", List.of(max)));
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
