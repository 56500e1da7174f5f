package az.asan.mektub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.letter.LetterStatus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The letter module owns the {@code letter} table and its statuses: no Java source outside
 * {@code az/asan/mektub/letter/} names the table in SQL or spells a status in a string, and inside the
 * module a status is written into SQL in one place only ({@code letter/sql/LetterSql.java}), and a letter
 * row is read from a result set in one place only ({@code letter/sql/LetterRow.java}). The SQL checks
 * read only the string literals of the code (text blocks too), never its comments, so "letter" in a
 * message or a Javadoc does not count.
 * <p>
 * The same holds in templates (issue 24.3): no template spells a letter status, it asks the letter or
 * its status ({@code status.held}, {@code status.waitingForReview}). And the campaign module owns the
 * {@code campaign} table and {@link CampaignStatus}: no Java source but {@code campaign/CampaignSql.java}
 * spells a campaign status in a string.
 */
class LetterTableOwnershipTest {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final String LETTER_MODULE = "az/asan/mektub/letter/";

	private static final String THE_ONE_PLACE = "az/asan/mektub/letter/sql/LetterSql.java";

	private static final String STATUSES = Arrays.stream(LetterStatus.values())
		.map(Enum::name)
		.collect(Collectors.joining("|"));

	/**
	 * A table of the letter module after a keyword of SQL (the letter, its history, images and counts,
	 * the child), or the letter with its alias ({@code letter l}); "letters" or "letter_x" are other words.
	 */
	private static final Pattern TABLE = Pattern
		.compile("\\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\\s+(?:letter(?:_status_change|_image|_count|_count_delta)?|child)\\b(?!_)"
				+ "|\\bletter\\s+(?:AS\\s+)?l\\b");

	/** A status as an SQL literal: {@code 'ADOPTED'}. */
	private static final Pattern SQL_STATUS = Pattern.compile("'(?:" + STATUSES + ")'");

	/** A status as a whole Java string: {@code "ADOPTED"}. */
	private static final Pattern STRING_STATUS = Pattern.compile("(?:" + STATUSES + ")");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * A status anywhere in a template, as a word of its own: {@code 'ADOPTED'}, {@code status=RECEIVED} in a
	 * link, {@code status-PUBLISHED} in a class; "GIFT_RECEIVED" is one word, not "RECEIVED". Or the enum
	 * itself through {@code T(...)}.
	 */
	private static final Pattern TEMPLATE_STATUS = Pattern
		.compile("(?<![A-Za-z0-9_])(?:" + STATUSES + ")(?![A-Za-z0-9_])|T\\(\\s*az\\.asan\\.mektub\\.letter\\.LetterStatus\\s*\\)");

	/** HTML and Thymeleaf comments ({@code <!-- -->}, {@code <!--/* *}{@code /-->}): not rendered, not read. */
	private static final Pattern TEMPLATE_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	private static final String CAMPAIGN_PLACE = "az/asan/mektub/campaign/CampaignSql.java";

	private static final String CAMPAIGN_STATUSES = Arrays.stream(CampaignStatus.values())
		.map(Enum::name)
		.collect(Collectors.joining("|"));

	/** A campaign status as an SQL literal: {@code 'CLOSED'}. */
	private static final Pattern SQL_CAMPAIGN_STATUS = Pattern.compile("'(?:" + CAMPAIGN_STATUSES + ")'");

	/** A campaign status as a whole Java string: {@code "OPEN"}. */
	private static final Pattern STRING_CAMPAIGN_STATUS = Pattern.compile("(?:" + CAMPAIGN_STATUSES + ")");

	@Test
	void noSqlOutsideTheLetterModuleNamesTheLetterTableOrAStatus() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			String name = SOURCES.relativize(file).toString().replace('\\', '/');
			if (name.startsWith(LETTER_MODULE)) {
				continue;
			}
			found.addAll(outsideFindings(name, Files.readString(file, StandardCharsets.UTF_8)));
		}
		assertThat(found).as("SQL on the letter table or a letter status outside the letter module").isEmpty();
	}

	@Test
	void insideTheLetterModuleStatusesAreWrittenIntoSqlInOnePlace() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			String name = SOURCES.relativize(file).toString().replace('\\', '/');
			if (!name.startsWith(LETTER_MODULE) || name.equals(THE_ONE_PLACE)) {
				continue;
			}
			for (String literal : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
				Matcher status = SQL_STATUS.matcher(literal);
				if (status.find()) {
					found.add(name + ": " + status.group() + " in \"" + shorten(literal) + "\"");
				}
			}
		}
		assertThat(found).as("status literals in SQL outside " + THE_ONE_PLACE).isEmpty();
	}

	private static final String THE_ONE_MAPPING = "az/asan/mektub/letter/sql/LetterRow.java";

	/**
	 * A result set read by name of a column only the letter row holds (the child's age, the public wish,
	 * the cost, the due date, the gift's tag): {@code rs.getInt("age")}. Those are read in
	 * {@link #THE_ONE_MAPPING} only (issue 24: one mapping of the letter row), and the queries build
	 * their records from it.
	 */
	private static final Pattern LETTER_ROW_READ = Pattern
		.compile("\\.get(?:String|Int|Long|Short|Object|BigDecimal|Boolean|Timestamp|Date)\\(\\s*\""
				+ "(?:age|public_wish|estimated_cost|scan_shareable|due_date|gift_tag_code)\"");

	@Test
	void insideTheLetterModuleTheLetterRowIsMappedInOnePlace() throws IOException {
		assertThat(SOURCES.resolve(THE_ONE_MAPPING)).isRegularFile();
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			String name = SOURCES.relativize(file).toString().replace('\\', '/');
			if (name.equals(THE_ONE_MAPPING)) {
				continue;
			}
			found.addAll(letterRowReads(name, Files.readString(file, StandardCharsets.UTF_8)));
		}
		assertThat(found).as("letter row columns read by hand outside " + THE_ONE_MAPPING).isEmpty();
	}

	@Test
	void theMappingCheckSeesAResultSetReadOfALetterColumnButNotAMapOrAnotherColumn() {
		String source = """
				class X {
					Object a = rs.getInt("age");
					Object b = rs.getObject( "due_date", LocalDate.class);
					Object c = v.get("public_wish");
					Object d = rs.getInt("age_min");
					Object e = rs.getString("first_name");
				}
				""";
		assertThat(letterRowReads("X.java", source)).hasSize(2)
			.anyMatch(f -> f.contains("X.java:2"))
			.anyMatch(f -> f.contains("X.java:3"));
	}

	private static List<String> letterRowReads(String name, String source) {
		List<String> found = new ArrayList<>();
		String[] lines = source.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher read = LETTER_ROW_READ.matcher(lines[i]);
			if (read.find()) {
				found.add(name + ":" + (i + 1) + ": " + read.group());
			}
		}
		return found;
	}

	@Test
	void theCheckSeesSqlInStringsAndTextBlocksButNotInCommentsOrMessages() {
		String source = """
				class X {
					// SELECT * FROM letter WHERE status = 'ADOPTED'
					/* UPDATE letter SET x = 1 */
					String message = "The letter is yours; letter_image, letters and a letter like this are fine";
					char quote = '"';
					String escaped = "a \\"quoted\\" FROM letters word";
					String a = "SELECT count(*) FROM letter l WHERE l.status = 'PUBLISHED'";
					String b = \"\"\"
							SELECT id FROM letter_image JOIN letter ON true
							\"\"\";
					String d = "DELETE FROM letter_stats WHERE true";
					String c = "FULFILLED";
				}
				""";
		assertThat(outsideFindings("X.java", source)).hasSize(4)
			.anyMatch(f -> f.contains("FROM letter l"))
			.anyMatch(f -> f.contains("'PUBLISHED'"))
			.anyMatch(f -> f.contains("FROM letter_image"))
			.anyMatch(f -> f.contains("\"FULFILLED\""));
	}

	@Test
	void noTemplateSpellsALetterStatus() throws IOException {
		assertThat(TEMPLATES).isDirectory();
		List<String> found = new ArrayList<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter(Files::isRegularFile).sorted().toList();
		}
		assertThat(templates).isNotEmpty();
		for (Path file : templates) {
			String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
			found.addAll(templateFindings(name, Files.readString(file, StandardCharsets.UTF_8)));
		}
		assertThat(found).as("letter statuses spelt in templates (ask the letter or its status instead)").isEmpty();
	}

	@Test
	void noJavaButTheCampaignModulesOnePlaceSpellsACampaignStatus() throws IOException {
		assertThat(SOURCES.resolve(CAMPAIGN_PLACE)).isRegularFile();
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			String name = SOURCES.relativize(file).toString().replace('\\', '/');
			if (name.equals(CAMPAIGN_PLACE)) {
				continue;
			}
			found.addAll(campaignFindings(name, Files.readString(file, StandardCharsets.UTF_8)));
		}
		assertThat(found).as("campaign statuses spelt outside " + CAMPAIGN_PLACE).isEmpty();
	}

	@Test
	void theTemplateCheckSeesAStatusInAnExpressionALinkOrTheEnumButNotInACommentOrAnotherWord() {
		String template = """
				<!--/* a letter ADOPTED by a donor shows the gift form */-->
				<!-- PUBLISHED letters only -->
				<div th:if="${letter.status().name() == 'ADOPTED'}"></div>
				<div th:if="${status.held}" th:text="#{'status.' + ${s}}"></div>
				<a th:href="@{/volunteer/letters(status=RECEIVED)}"></a>
				<p th:if="${letter.status() == T(az.asan.mektub.letter.LetterStatus).FULFILLED}"></p>
				<p th:if="${status.giftIn}" data-state="GIFT_RECEIVED_LATE" class="WITHDRAWNX"></p>
				""";
		assertThat(templateFindings("x.html", template)).hasSize(4)
			.anyMatch(f -> f.contains("3: ADOPTED"))
			.anyMatch(f -> f.contains("5: RECEIVED"))
			.anyMatch(f -> f.contains("6: T(az.asan.mektub.letter.LetterStatus)"))
			.anyMatch(f -> f.contains("6: FULFILLED"));
	}

	@Test
	void theCampaignCheckSeesAStatusInSqlOrAsAStringButNotInCommentsOrOtherWords() {
		String source = """
				class X {
					// JOIN campaign c ON c.status <> 'CLOSED'
					String a = "JOIN campaign c ON c.id = l.campaign_id AND c.status <> 'CLOSED'";
					String b = \"\"\"
							WHERE c.status IN ('OPEN', 'PLANNED')\"\"\";
					String c = "PLANNED";
					String d = "The campaign is closed; OPEN it first, CLOSED_AT and 'OPENED' are other words";
					String e = "c.status = :closed";
				}
				""";
		assertThat(campaignFindings("X.java", source)).hasSize(3)
			.anyMatch(f -> f.contains("'CLOSED'"))
			.anyMatch(f -> f.contains("'OPEN'"))
			.anyMatch(f -> f.contains("\"PLANNED\""));
	}

	private static List<String> templateFindings(String name, String template) {
		List<String> found = new ArrayList<>();
		String[] lines = TEMPLATE_COMMENT.matcher(template)
			.replaceAll(comment -> "\n".repeat((int) comment.group().chars().filter(c -> c == '\n').count()))
			.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher status = TEMPLATE_STATUS.matcher(lines[i]);
			while (status.find()) {
				found.add(name + ":" + (i + 1) + ": " + status.group() + " in \"" + shorten(lines[i]) + "\"");
			}
		}
		return found;
	}

	private static List<String> campaignFindings(String name, String source) {
		List<String> found = new ArrayList<>();
		for (String literal : stringLiterals(source)) {
			Matcher status = SQL_CAMPAIGN_STATUS.matcher(literal);
			if (status.find()) {
				found.add(name + ": " + status.group() + " in \"" + shorten(literal) + "\"");
			}
			if (STRING_CAMPAIGN_STATUS.matcher(literal).matches()) {
				found.add(name + ": \"" + literal + "\"");
			}
		}
		return found;
	}

	private static List<String> outsideFindings(String name, String source) {
		List<String> found = new ArrayList<>();
		for (String literal : stringLiterals(source)) {
			Matcher table = TABLE.matcher(literal);
			if (table.find()) {
				found.add(name + ": " + table.group() + " in \"" + shorten(literal) + "\"");
			}
			Matcher status = SQL_STATUS.matcher(literal);
			if (status.find()) {
				found.add(name + ": " + status.group() + " in \"" + shorten(literal) + "\"");
			}
			if (STRING_STATUS.matcher(literal).matches()) {
				found.add(name + ": \"" + literal + "\"");
			}
		}
		return found;
	}

	private static List<Path> javaFiles() throws IOException {
		assertThat(SOURCES.resolve("az/asan/mektub/letter")).isDirectory();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

	/** The contents of the string literals and text blocks of a Java source, comments and chars skipped. */
	static List<String> stringLiterals(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
				int end = source.indexOf('\n', i);
				i = end < 0 ? n : end + 1;
			}
			else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (c == '\'') {
				// a char literal: '"', '\'', 'x'
				int j = i + 1;
				while (j < n && source.charAt(j) != '\'') {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				i = j + 1;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				while (end > 0 && source.charAt(end - 1) == '\\') {
					end = source.indexOf("\"\"\"", end + 1);
				}
				end = end < 0 ? n : end;
				literals.add(source.substring(i + 3, end));
				i = end + 3;
			}
			else if (c == '"') {
				StringBuilder text = new StringBuilder();
				int j = i + 1;
				while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
					if (source.charAt(j) == '\\' && j + 1 < n) {
						text.append(source.charAt(j + 1));
						j += 2;
					}
					else {
						text.append(source.charAt(j));
						j++;
					}
				}
				literals.add(text.toString());
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	private static String shorten(String text) {
		String one = text.replaceAll("\\s+", " ").strip();
		return one.length() > 120 ? one.substring(0, 120) + "…" : one;
	}

}
