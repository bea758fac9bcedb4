package com.faceattend.reports.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles an export uses, created once per workbook (Excel limits their number). */
final class Styles {
    final CellStyle header;
    final CellStyle total;
    final CellStyle title;
    final CellStyle label;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle hours;
    final CellStyle integer;
    /** The workbook's default style, set explicitly: a cell without one makes SXSSF search the column definitions for every cell. */
    final CellStyle plain;

    Styles(Workbook wb) {
        plain = wb.getCellStyleAt(0);
        Font bold = wb.createFont();
        bold.setBold(true);
        Font white = wb.createFont();
        white.setBold(true);
        white.setColor(IndexedColors.WHITE.getIndex());
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        header = wb.createCellStyle();
        header.setFont(white);
        header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);

        total = wb.createCellStyle();
        total.setFont(bold);
        total.setBorderTop(BorderStyle.THIN);

        title = wb.createCellStyle();
        title.setFont(big);
        label = wb.createCellStyle();
        label.setFont(bold);

        short fmtDate = wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
        short fmtDateTime = wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm");
        short fmtHours = wb.getCreationHelper().createDataFormat().getFormat("0.00");
        short fmtInt = wb.getCreationHelper().createDataFormat().getFormat("0");
        date = wb.createCellStyle();
        date.setDataFormat(fmtDate);
        dateTime = wb.createCellStyle();
        dateTime.setDataFormat(fmtDateTime);
        hours = wb.createCellStyle();
        hours.setDataFormat(fmtHours);
        integer = wb.createCellStyle();
        integer.setDataFormat(fmtInt);
    }
}
