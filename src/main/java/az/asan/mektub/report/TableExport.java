package az.asan.mektub.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import az.asan.mektub.platform.i18n.WorkbookStyles;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report table as a file: CSV in UTF-8 with a byte order mark (so spreadsheet programs show ə, ğ, ı
 * and the rest), or XLSX with numbers as numbers. The same rows as the page, with its filters.
 * <p>
 * A CSV file opens in the reader's spreadsheet program with that program's list separator: in
 * Azerbaijani and Russian settings that is {@code ;} with a decimal comma, in English {@code ,} with
 * a decimal point, so the file follows the language of the page it came from. Text that a
 * spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage
 * return first) is written with a leading apostrophe, so a donor's or child's name never becomes
 * a formula. Header cells are unique, so each column can be told apart.
 */
record TableExport(String name, List<String> headers, List<List<Object>> rows, Locale locale) {

	TableExport {
		headers = unique(headers);
	}

	TableExport(String name, List<String> headers, List<List<Object>> rows) {
		this(name, headers, rows, Locale.forLanguageTag("az"));
	}

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	ResponseEntity<byte[]> as(String format) {
		boolean xlsx = "xlsx".equals(format);
		byte[] body = xlsx ? xlsx() : csv();
		return ResponseEntity.ok()
			.contentType(xlsx ? XLSX : CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer,
						CSVFormat.DEFAULT.builder().setDelimiter(decimalComma() ? ';' : ',').get())) {
			writer.write('\uFEFF');
			printer.printRecord(headers.stream().map(TableExport::safe).toList());
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(this::text).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	byte[] xlsx() {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
			WorkbookStyles styles = WorkbookStyles.of(book);
			styles.header(sheet, headers);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					Cell cell = row.createCell(i);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(styles.date());
					}
					else if (value != null) {
						cell.setCellValue(String.valueOf(value));
					}
				}
			}
			sheet.createFreezePane(0, 1);
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() + 4)) * 256);
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Azerbaijani and Russian write 93,4; English 93.4. */
	boolean decimalComma() {
		return !"en".equals(locale.getLanguage());
	}

	/** Numbers plain, without grouping, so a spreadsheet reads them as numbers; dates as the pages show them. */
	private String text(Object value) {
		if (value == null) {
			return "";
		}
		String number = null;
		if (value instanceof Double d) {
			number = BigDecimal.valueOf(d).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
		}
		else if (value instanceof BigDecimal d) {
			number = d.toPlainString();
		}
		else if (value instanceof Number n) {
			number = String.valueOf(n);
		}
		if (number != null) {
			return decimalComma() ? number.replace('.', ',') : number;
		}
		if (value instanceof LocalDate day) {
			return day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		}
		return safe(String.valueOf(value));
	}

	/** Text that a spreadsheet would take for a formula is kept as text. */
	static String safe(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	/** The same title twice gets a number, so that every column can be told apart. */
	private static List<String> unique(List<String> headers) {
		List<String> out = new java.util.ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String header : headers) {
			String candidate = header;
			for (int n = 2; !seen.add(candidate); n++) {
				candidate = header + " (" + n + ")";
			}
			out.add(candidate);
		}
		return List.copyOf(out);
	}

}
