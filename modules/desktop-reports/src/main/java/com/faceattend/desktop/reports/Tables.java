package com.faceattend.desktop.reports;

import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableColumnModel;

/** Read-only, sortable tables with sensible starting column widths (the user may still drag them). */
final class Tables {
    private Tables() {
    }

    static DefaultTableModel readOnly(String... columns) {
        return new DefaultTableModel(columns, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }

            @Override
            public Class<?> getColumnClass(int column) {
                // numbers sort as numbers: the first row's value decides, as rows of one column share a type
                return getRowCount() == 0 || getValueAt(0, column) == null ? Object.class : getValueAt(0, column).getClass();
            }
        };
    }

    /** A table over {@code model}, sortable by clicking a header, with preferred widths in pixels at 100 % scale. */
    static JTable sortable(DefaultTableModel model, int... widths) {
        JTable table = new JTable(model);
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        // a gap between cells, so a right-aligned number never runs into the text of the next column ("5 Mon Tue")
        table.setIntercellSpacing(new java.awt.Dimension(8, table.getIntercellSpacing().height));
        TableColumnModel columns = table.getColumnModel();
        // scale with the font so HiDPI screens (larger default fonts) keep the proportions
        float scale = table.getFont().getSize2D() / 12f;
        for (int i = 0; i < widths.length && i < columns.getColumnCount(); i++) {
            columns.getColumn(i).setPreferredWidth(Math.round(widths[i] * scale));
        }
        return table;
    }
}
