package com.faceattend.reports.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet laid out as a table: a bold frozen header row, data rows, an auto-filter over them,
 * and optionally a totals row of SUM formulas below the filtered range. Keeps the running sum of
 * every numeric column so each SUM formula is written with its result cached: programs that
 * trust cached values (LibreOffice, previewers, scripts) show the real totals, not 0.
 */
final class Table {
    private final Sheet sheet;
    private final Styles styles;
    private final int columns;
    private final double[] sums;
    private int next = 1;

    Table(Sheet sheet, Styles styles, String[] header, int[] widths) {
        this.sheet = sheet;
        this.styles = styles;
        this.columns = header.length;
        this.sums = new double[header.length];
        Row h = sheet.createRow(0);
        int totalWidth = 0;
        boolean wraps = false;
        for (int i = 0; i < header.length; i++) {
            wraps |= header[i].length() > widths[i];
            Cell cell = h.createCell(i);
            cell.setCellValue(header[i]);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, widths[i] * 256);
            totalWidth += widths[i];
        }
        if (wraps) {
            // a wrapped header needs two lines; streamed rows are never auto-sized by the spreadsheet program
            h.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints());
        }
        sheet.createFreezePane(0, 1);
        PrintLayout.table(sheet, totalWidth);
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
            formula(r, col, lastData < 1 ? "0" : "SUM(" + letter + "2:" + letter + (lastData + 1) + ")", sums[col],
                    styles.total);
        }
    }

    static void text(Row r, int col, String value, Styles s) {
        if (value != null) {
            Cell c = r.createCell(col);
            c.setCellStyle(s.plain);
            c.setCellValue(value);
        }
    }

    /** Numbers in consecutive columns from {@code firstCol}, added to the column sums. */
    void numbers(Row r, int firstCol, long... values) {
        for (int i = 0; i < values.length; i++) {
            Cell c = r.createCell(firstCol + i);
            c.setCellStyle(styles.plain);
            c.setCellValue(values[i]);
            sums[firstCol + i] += values[i];
        }
    }

    /** A formula cell whose result {@code value} we computed; added to its column's sum. */
    void computed(Row r, int col, String formula, double value, CellStyle style) {
        formula(r, col, formula, value, style);
        sums[col] += value;
    }

    /**
     * Writes {@code formula} with {@code value} as its cached result (SXSSF stores a value set after
     * the formula as the formula's result, written as the cell's {@code <v>}).
     */
    static void formula(Row r, int col, String formula, double value, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellFormula(formula);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
