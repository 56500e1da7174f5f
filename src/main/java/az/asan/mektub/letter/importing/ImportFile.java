package az.asan.mektub.letter.importing;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * A volunteer's file as Excel in Azerbaijan makes it: XLSX (its first sheet), or "CSV" in UTF-8
 * (with or without a byte order mark), UTF-16 (Excel's "Unicode text", tab-separated) or a
 * Windows code page: 1254 for Azerbaijani and Turkish Latin, 1251 for Cyrillic. The encoding is
 * read from the bytes, never assumed: a file that is valid UTF-8 is UTF-8; otherwise the code page
 * under which the words read as words of their alphabet (Latin with ş ğ ı İ, or Cyrillic, not a mix
 * of both inside one word) is chosen, and a file that reads as neither is refused with that said.
 * The rows are handed on one by one, so a file is never held whole as text.
 */
final class ImportFile {

	/** Opens the file's bytes from the start, as many times as asked. */
	interface Source {

		InputStream open() throws IOException;

	}

	/** Receives the rows in order: the first one is the header. */
	interface RowHandler {

		void row(long line, List<String> cells);

	}

	/** How the file is read; {@code key} names it for people (a message key). */
	record Format(boolean xlsx, Charset charset, int skip, String key) {
	}

	/** Why a file cannot be read at all (a message key). */
	static final class Unreadable extends Exception {

		final String key;

		Unreadable(String key) {
			super(key, null, false, false);
			this.key = key;
		}

	}

	/** Thrown by a {@link RowHandler} that has seen enough. */
	static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	static final Charset WINDOWS_1254 = Charset.forName("windows-1254");

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	/** The Latin letters an Azerbaijani or Turkish word may hold besides ASCII (ə is not in 1254). */
	private static final String LATIN_EXTRA = "çÇğĞıİöÖşŞüÜâÂîÎûÛ";

	/** How much of a single-byte file is read to tell 1254 from 1251. */
	private static final int SAMPLE = 256 * 1024;

	private ImportFile() {
	}

	static Format detect(Source source) throws IOException, Unreadable {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = source.open()) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return new Format(true, null, 0, "import.encoding.xlsx");
		}
		if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11
				&& (head[3] & 0xFF) == 0xE0) {
			throw new Unreadable("import.encoding.xls");
		}
		if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			return new Format(false, StandardCharsets.UTF_8, 3, "import.encoding.utf8bom");
		}
		if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return new Format(false, StandardCharsets.UTF_16LE, 2, "import.encoding.utf16le");
		}
		if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return new Format(false, StandardCharsets.UTF_16BE, 2, "import.encoding.utf16be");
		}
		byte[] sample;
		boolean utf8;
		try (InputStream in = source.open()) {
			sample = in.readNBytes(SAMPLE);
			utf8 = validUtf8(sample, in);
		}
		Format utf16 = utf16WithoutMark(sample);
		if (utf16 != null) {
			return utf16;
		}
		if (utf8) {
			return new Format(false, StandardCharsets.UTF_8, 0, "import.encoding.utf8");
		}
		int latin = plausibleWords(decode(sample, WINDOWS_1254), true);
		int cyrillic = plausibleWords(decode(sample, WINDOWS_1251), false);
		if (latin <= 0 && cyrillic <= 0) {
			throw new Unreadable("import.encoding.unknown");
		}
		return latin >= cyrillic ? new Format(false, WINDOWS_1254, 0, "import.encoding.cp1254")
				: new Format(false, WINDOWS_1251, 0, "import.encoding.cp1251");
	}

	/** Whether the sample and the rest of the stream are valid UTF-8, read through without keeping it. */
	private static boolean validUtf8(byte[] sample, InputStream rest) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new InputStreamReader(
				new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(sample), rest), decoder)) {
			char[] buffer = new char[16 * 1024];
			while (reader.read(buffer) != -1) {
				// only the decoding matters
			}
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** UTF-16 saved without a byte order mark: every other byte of Latin text is zero. */
	private static Format utf16WithoutMark(byte[] sample) {
		int pairs = Math.min(sample.length, 4096) / 2;
		if (pairs < 4) {
			return null;
		}
		int evenZero = 0;
		int oddZero = 0;
		for (int i = 0; i < pairs; i++) {
			evenZero += sample[2 * i] == 0 ? 1 : 0;
			oddZero += sample[2 * i + 1] == 0 ? 1 : 0;
		}
		if (oddZero > pairs / 2 && evenZero < pairs / 10) {
			return new Format(false, StandardCharsets.UTF_16LE, 0, "import.encoding.utf16le");
		}
		if (evenZero > pairs / 2 && oddZero < pairs / 10) {
			return new Format(false, StandardCharsets.UTF_16BE, 0, "import.encoding.utf16be");
		}
		return null;
	}

	private static String decode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return "";
		}
	}

	/**
	 * Words holding a letter beyond ASCII that read as words of the alphabet (Azerbaijani/Turkish
	 * Latin, or Cyrillic without Latin letters among them), less those that do not. The other code
	 * page turns the same bytes into a mix: 1254's ş read as 1251 is ю inside a Latin word, and
	 * Cyrillic read as 1254 gives Ñóìãàéûò, letters no Azerbaijani word has.
	 */
	static int plausibleWords(String text, boolean latin) {
		int score = 0;
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				String word = text.substring(start, i);
				start = -1;
				if (word.chars().allMatch(c -> c < 128)) {
					continue;
				}
				boolean fits = latin ? word.chars().allMatch(c -> c < 128 || LATIN_EXTRA.indexOf(c) >= 0)
						: word.chars().allMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
				score += fits ? 1 : -1;
			}
		}
		return score;
	}

	/** Every row of the file in order, each with its line (CSV) or row number (XLSX). */
	static void rows(Format format, Source source, RowHandler handler) throws IOException {
		if (format.xlsx()) {
			xlsxRows(source, handler);
			return;
		}
		try (InputStream in = new BufferedInputStream(source.open())) {
			in.skipNBytes(format.skip());
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, format.charset()), 64 * 1024);
			reader.mark(64 * 1024);
			String first = readLine(reader, 32 * 1024);
			reader.reset();
			CSVFormat csv = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter(first))
				.setIgnoreEmptyLines(true)
				.get();
			try (CSVParser parser = CSVParser.parse(reader, csv)) {
				for (CSVRecord record : parser) {
					handler.row(parser.getCurrentLineNumber(), record.toList());
				}
			}
		}
		catch (Stop stop) {
			// the handler has seen enough
		}
	}

	private static String readLine(Reader reader, int max) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while (line.length() < max && (c = reader.read()) != -1 && c != '\n' && c != '\r') {
			line.append((char) c);
		}
		return line.toString();
	}

	/**
	 * The separator of the header line: the one that splits it into the most known column names
	 * (comma; semicolon, as Excel in the az and ru locales saves; tab, as in "Unicode text"); when no
	 * separator finds a column code (headers in the file's language), the one that splits it into the
	 * most columns, so a tab-separated file with Azerbaijani headers is read as columns (seen in review).
	 */
	static char delimiter(String header) {
		char best = header.contains(";") && !header.contains(",") ? ';' : ',';
		long bestCount = 0;
		long bestFields = 1;
		for (char candidate : new char[] { ',', ';', '\t' }) {
			String[] fields = header.split(java.util.regex.Pattern.quote(String.valueOf(candidate)));
			long count = Arrays.stream(fields)
				.map(name -> name.strip().replace("\"", "").toLowerCase(Locale.ROOT))
				.filter(LetterImport.COLUMNS::contains)
				.count();
			if (count > bestCount || (count == bestCount && bestCount == 0 && fields.length > bestFields)) {
				best = candidate;
				bestCount = count;
				bestFields = fields.length;
			}
		}
		return best;
	}

	/** The first sheet, streamed (a workbook's sheet is never built in memory); dates as ISO dates. */
	private static void xlsxRows(Source source, RowHandler handler) throws IOException {
		try (InputStream in = source.open(); OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(
						new XSSFSheetXMLHandler(styles, null, strings, new SheetRows(handler), new PlainValues(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (Stop stop) {
			// the handler has seen enough
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException("not a readable XLSX file", ex);
		}
	}

	/** A sheet's cells gathered into rows, empty cells kept in place. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private final List<String> cells = new ArrayList<>();

		private int next;

		SheetRows(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
			next = 0;
		}

		@Override
		public void endRow(int rowNum) {
			if (cells.stream().anyMatch(c -> !c.isEmpty())) {
				handler.row(rowNum + 1L, List.copyOf(cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? next : new CellReference(reference).getCol();
			if (column > 1000) {
				return;
			}
			while (cells.size() < column) {
				cells.add("");
			}
			if (cells.size() == column) {
				cells.add(value == null ? "" : value);
			}
			else {
				cells.set(column, value == null ? "" : value);
			}
			next = column + 1;
		}

	}

	/**
	 * Numbers as typed (no grouping, a dot for decimals) and dates, whatever their display format, as
	 * ISO dates, so that a cell reads the same in every Excel locale.
	 */
	private static final class PlainValues extends DataFormatter {

		PlainValues() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				return String.valueOf(value);
			}
			return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
		}

	}

}
