package com.faceattend.reports.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet laid out as a table: a bold frozen header row, data rows, an auto-filter over them,
 * and optionally a totals row of SUM formulas below the filtered range.
 */
final class Table {
    private final Sheet sheet;
    private final Styles styles;
    private final int columns;
    private int next = 1;

    Table(Sheet sheet, Styles styles, String[] header, int[] widths) {
        this.sheet = sheet;
        this.styles = styles;
        this.columns = header.length;
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.length; i++) {
            Cell cell = h.createCell(i);
            cell.setCellValue(header[i]);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    Row row() {
        return sheet.createRow(next++);
    }

    /** Adds the auto-filter and, if asked, a "Total" row summing {@code sumColumns}. */
    void finish(boolean totals, int... sumColumns) {
        int lastData = next - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastData, 0), 0, columns - 1));
        if (!totals) {
            return;
        }
        Row r = sheet.createRow(next + 1); // one blank row, so filtering never hides the totals
        Cell label = r.createCell(0);
        label.setCellValue("Total");
        label.setCellStyle(styles.total);
        for (int col : sumColumns) {
            String letter = CellReference.convertNumToColString(col);
            Cell cell = r.createCell(col);
            cell.setCellFormula(lastData < 1 ? "0" : "SUM(" + letter + "2:" + letter + (lastData + 1) + ")");
            cell.setCellStyle(styles.total);
        }
    }

    static void text(Row r, int col, String value, Styles s) {
        if (value != null) {
            Cell c = r.createCell(col);
            c.setCellStyle(s.plain);
            c.setCellValue(value);
        }
    }

    static void numbers(Row r, int firstCol, Styles s, long... values) {
        for (int i = 0; i < values.length; i++) {
            Cell c = r.createCell(firstCol + i);
            c.setCellStyle(s.plain);
            c.setCellValue(values[i]);
        }
    }
}
