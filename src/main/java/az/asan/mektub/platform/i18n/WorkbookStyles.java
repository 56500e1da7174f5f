package az.asan.mektub.platform.i18n;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * What every Excel workbook the app writes (report exports, the letter import template) shares: a bold first
 * row of column names, and dates shown as people in Azerbaijan write them (dd.mm.yyyy).
 */
public record WorkbookStyles(CellStyle bold, CellStyle date) {

	public static WorkbookStyles of(Workbook book) {
		CellStyle bold = book.createCellStyle();
		Font font = book.createFont();
		font.setBold(true);
		bold.setFont(font);
		CellStyle date = book.createCellStyle();
		date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
		return new WorkbookStyles(bold, date);
	}

	/** Writes the sheet's first row: the column names, in bold. */
	public void header(Sheet sheet, List<String> names) {
		Row head = sheet.createRow(0);
		for (int i = 0; i < names.size(); i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(names.get(i));
			cell.setCellStyle(bold);
		}
	}

}
