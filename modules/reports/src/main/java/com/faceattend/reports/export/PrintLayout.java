package com.faceattend.reports.export;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a workbook sheet prints: A4, one page wide (never a column split onto a second page),
 * landscape when the columns are wide, the header row repeated on every page, and a page
 * header/footer naming the organisation, the report, the period and "Page x of y".
 */
final class PrintLayout {
    /**
     * Column width (in characters, as {@code Sheet.setColumnWidth} counts them) above which a sheet
     * prints landscape: A4 portrait holds about 90 default-font characters between its margins at
     * 100 %; wider sheets would shrink to an unreadable size on a portrait page.
     */
    static final int PORTRAIT_CHARACTERS = 90;

    private PrintLayout() {
    }

    /** A table sheet whose columns add up to {@code widthCharacters}; row 1 (the header) repeats on every page. */
    static void table(Sheet sheet, int widthCharacters) {
        page(sheet, widthCharacters > PORTRAIT_CHARACTERS);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    /** A4, fit to one page wide and as many pages tall as needed. */
    static void page(Sheet sheet, boolean landscape) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(landscape);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0); // 0: as many pages tall as the rows need
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
    }

    /** Page header: organisation | sheet name | period; footer: generated | Page x of y. */
    static void heading(Sheet sheet, String organisation, String period, String generated) {
        sheet.getHeader().setLeft(escape(organisation));
        sheet.getHeader().setCenter("&A"); // the sheet's name
        sheet.getHeader().setRight(escape(period));
        sheet.getFooter().setLeft(escape(generated));
        sheet.getFooter().setRight("Page &P of &N");
    }

    /** '&' starts a header/footer code; a literal one is written twice. */
    private static String escape(String text) {
        return text.replace("&", "&&");
    }
}
