package com.faceattend.desktop.enrolment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle;

/** Employees as the table shows them. */
@NbBundle.Messages({"COL_Code=Code", "COL_Name=Name", "COL_Department=Department", "COL_Status=Status",
    "COL_Templates=Face templates", "COL_Consent=Consent recorded", "VAL_Active=Active", "VAL_Inactive=Deactivated",
    "VAL_NoConsent=— not recorded —", "COL_Employed=Employed"})
final class EmployeeTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final String[] columns = {Bundle.COL_Code(), Bundle.COL_Name(), Bundle.COL_Department(), Bundle.COL_Status(),
        Bundle.COL_Templates(), Bundle.COL_Consent(), Bundle.COL_Employed()};
    private transient List<EmployeeRow> rows = List.of();

    void setRows(List<EmployeeRow> newRows) {
        rows = List.copyOf(newRows);
        fireTableDataChanged();
    }

    EmployeeRow row(int modelIndex) {
        return rows.get(modelIndex);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 4 ? Integer.class : String.class;
    }

    /** "2026-03-01 – 2026-12-31", "2026-03-01 – …" while employed, or empty when neither date is recorded. */
    private static String employed(java.time.LocalDate hire, java.time.LocalDate leave) {
        if (hire == null && leave == null) {
            return "";
        }
        return (hire == null ? "…" : hire.toString()) + " – " + (leave == null ? "…" : leave.toString());
    }

    @Override
    public Object getValueAt(int r, int column) {
        EmployeeRow e = rows.get(r);
        return switch (column) {
            case 0 -> e.employee().code();
            case 1 -> e.employee().name();
            case 2 -> e.employee().department() == null ? "" : e.employee().department();
            case 3 -> e.employee().active() ? Bundle.VAL_Active() : Bundle.VAL_Inactive();
            case 4 -> e.templates();
            case 5 -> e.employee().consentRecordedAt() == null ? Bundle.VAL_NoConsent()
                    : DATE.format(e.employee().consentRecordedAt().atZone(ZoneId.systemDefault()));
            default -> employed(e.employee().hireDate(), e.employee().leaveDate());
        };
    }
}
