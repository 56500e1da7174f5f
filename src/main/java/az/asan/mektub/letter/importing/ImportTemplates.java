package az.asan.mektub.letter.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import az.asan.mektub.letter.LetterForm;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Collation;
import az.asan.mektub.platform.i18n.WorkbookStyles;

import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * What a volunteer starts from: the template (CSV in UTF-8 with a byte order mark, so that Excel
 * opens it right, or XLSX with the region list on its second sheet) and the list of every region
 * with its code and names, which the file may use in the {@code region_code} column.
 */
@Component
class ImportTemplates {

	/** A region as the list shows it: its code, the label in the reader's language, and its names. */
	record RegionRow(String code, String label, String type, String nameAz, String nameEn, String nameRu) {
	}

	/** The example row's child is eight, in any campaign of any year. */
	private static final int EXAMPLE_AGE = 8;

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	private static final List<String> REGION_HEADER = List.of("region_code", "name_az", "name_en", "name_ru", "type");

	private final Regions regions;

	private final RegionNames names;

	private final Collation collation;

	private final jakarta.validation.Validator validator;

	ImportTemplates(Regions regions, RegionNames names, Collation collation, jakarta.validation.Validator validator) {
		this.regions = regions;
		this.names = names;
		this.collation = collation;
		this.validator = validator;
	}

	/** Every region a letter may name, sorted by its label in the reader's language. */
	List<RegionRow> regionRows(Locale locale) {
		List<RegionRow> rows = regions.acceptingLetters()
			.stream()
			.map(r -> new RegionRow(r.code(), names.label(r, locale), r.type(), r.name(RegionNames.LANGUAGES.get(0)),
					r.name(RegionNames.LANGUAGES.get(1)), r.name(RegionNames.LANGUAGES.get(2))))
			.toList();
		return collation.sort(rows, RegionRow::label);
	}

	/**
	 * The columns a row must fill: those the registration form requires (its own constraints say
	 * which, so the help cannot disagree with the check).
	 */
	List<String> requiredColumns() {
		BeanDescriptor form = validator.getConstraintsForClass(LetterForm.class);
		List<String> required = new ArrayList<>();
		for (String column : LetterImport.COLUMNS) {
			String field = LetterImport.fieldOf(column);
			PropertyDescriptor property = field == null ? null : form.getConstraintsForProperty(field);
			if (property != null && property.getConstraintDescriptors()
				.stream()
				.map(c -> c.getAnnotation().annotationType())
				.anyMatch(t -> t == jakarta.validation.constraints.NotNull.class
						|| t == jakarta.validation.constraints.NotBlank.class)) {
				required.add(column);
			}
		}
		return required;
	}

	private static final String EXAMPLE_CONTACT = "Uşaq evi №2, tel. +994 12 000 00 00";

	private static final String EXAMPLE_WISH = "Mən gitara çalmağı öyrənmək istəyirəm";

	List<String> exampleRow() {
		return List.of("Aysel", "Məmmədova", LocalDate.now().minusYears(EXAMPLE_AGE).withDayOfMonth(14).format(DOTTED),
				"F", "AZ-BA-YAS", "CHILDREN_HOME", EXAMPLE_CONTACT, EXAMPLE_WISH, "Gitara", "MUSIC", "", "80,00");
	}

	/**
	 * Whether a row is the template's example as the template has it (the birth date moves with the
	 * year, so the child's name, the contact and the wish say it): no real child has that contact.
	 */
	static boolean isExample(java.util.Map<String, String> row) {
		return "Aysel".equals(row.get("first_name")) && "Məmmədova".equals(row.get("surname"))
				&& EXAMPLE_CONTACT.equals(row.get("contact")) && EXAMPLE_WISH.equals(row.get("original_wish"))
				&& "Gitara".equals(row.get("public_wish"));
	}

	byte[] csv() {
		return csv(List.of(LetterImport.COLUMNS, exampleRow()));
	}

	byte[] regionsCsv(Locale locale) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(REGION_HEADER);
		regionRows(locale).forEach(r -> rows.add(List.of(r.code(), r.nameAz(), r.nameEn(), r.nameRu(), r.type())));
		return csv(rows);
	}

	private static byte[] csv(List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			writer.write('\uFEFF');
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The template as a workbook: the letters sheet (a real date, a real number) and the regions. */
	byte[] xlsx(Locale locale) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			WorkbookStyles styles = WorkbookStyles.of(book);
			Sheet letters = book.createSheet("letters");
			styles.header(letters, LetterImport.COLUMNS);
			Row example = letters.createRow(1);
			List<String> values = exampleRow();
			for (int i = 0; i < values.size(); i++) {
				Cell cell = example.createCell(i);
				String column = LetterImport.COLUMNS.get(i);
				if ("birth_date".equals(column)) {
					cell.setCellValue(LocalDate.parse(values.get(i), DOTTED));
					cell.setCellStyle(styles.date());
				}
				else if ("estimated_cost".equals(column)) {
					cell.setCellValue(80.0);
				}
				else if (!values.get(i).isEmpty()) {
					cell.setCellValue(values.get(i));
				}
			}
			Sheet list = book.createSheet("regions");
			styles.header(list, REGION_HEADER);
			int r = 1;
			for (RegionRow region : regionRows(locale)) {
				Row row = list.createRow(r++);
				List<String> cells = List.of(region.code(), region.nameAz(), region.nameEn(), region.nameRu(),
						region.type());
				for (int i = 0; i < cells.size(); i++) {
					row.createCell(i).setCellValue(cells.get(i));
				}
			}
			for (Sheet sheet : List.of(letters, list)) {
				sheet.createFreezePane(0, 1);
				for (int i = 0; i < sheet.getRow(0).getLastCellNum(); i++) {
					sheet.setColumnWidth(i, 18 * 256);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
