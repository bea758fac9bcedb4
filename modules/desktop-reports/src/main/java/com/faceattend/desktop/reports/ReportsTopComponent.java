package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.reports.AttendanceReport;
import com.faceattend.reports.CancellationToken;
import com.faceattend.reports.EmployeeTimesheet;
import com.faceattend.reports.ProgressListener;
import com.faceattend.reports.ReportRequest;
import com.faceattend.reports.ReportService;
import com.faceattend.reports.charts.ReportCharts;
import com.faceattend.reports.export.CsvExporter;
import com.faceattend.reports.export.PdfExporter;
import com.faceattend.reports.export.XlsxExporter;
import com.faceattend.store.Employee;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.table.DefaultTableModel;
import org.jfree.chart.ChartPanel;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.awt.ActionID;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Reports for HR: a period and department, the timesheet and daily roster, the three charts, and
 * export to Excel, PDF (to print and sign) or CSV with progress (cancellable). All computing is in the reports module; this
 * window only asks and shows.
 */
@TopComponent.Description(preferredID = ReportsTopComponent.ID, iconBase = "com/faceattend/desktop/reports/reports.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 25)
@ActionID(category = "Window", id = "com.faceattend.desktop.reports.ReportsTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 25),
    @ActionReference(path = "Shortcuts", name = "D-4")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_ReportsAction", preferredID = ReportsTopComponent.ID)
@NbBundle.Messages({"CTL_ReportsAction=Reports", "CTL_ReportsTopComponent=Reports", "LBL_From=From (yyyy-mm-dd):",
    "LBL_To=To:", "LBL_Department=Department:", "VAL_AllDepartments=All departments", "BTN_Build=Show report",
    "BTN_Xlsx=Export Excel…", "BTN_Pdf=Export PDF…", "BTN_Csv=Export CSV…", "TAB_Timesheet=Timesheet", "TAB_Roster=Daily roster",
    "TAB_Charts=Charts", "building=build the report", "# {0} - file", "exporting=export {0}",
    "# {0} - text", "ERR_Date=''{0}'' is not a date", "FIX_Date=write dates as 2026-11-30",
    "COL_Employee=Employee", "COL_Dept=Department", "COL_Attended=Days attended", "COL_Worked=Worked (h)",
    "COL_Overtime=Overtime (h)", "COL_Late=Late (min)", "COL_Review=Days to review", "COL_Date=Date",
    "COL_Expected=Expected", "COL_Present=Present", "COL_LateCount=Late", "COL_Absent=Absent",
    "# {0} - file", "MSG_Exported=Saved {0}", "# {0} - file", "# {1} - what to know and how to fix it",
    "MSG_PdfWarning=Saved {0}, but:\n{1}"})
public final class ReportsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "ReportsTopComponent";

    private final JTextField from = new JTextField(10);
    private final JTextField to = new JTextField(10);
    private final JComboBox<String> department = new JComboBox<>();
    private final JLabel status = new JLabel(" ");
    private final DefaultTableModel timesheet = Tables.readOnly(Bundle.COL_Employee(), Bundle.COL_Dept(), Bundle.COL_Attended(),
            Bundle.COL_Worked(), Bundle.COL_Overtime(), Bundle.COL_Late(), Bundle.COL_Review());
    private final DefaultTableModel roster = Tables.readOnly(Bundle.COL_Date(), Bundle.COL_Expected(), Bundle.COL_Present(),
            Bundle.COL_LateCount(), Bundle.COL_Absent(), Bundle.COL_Review());
    private final JPanel charts = new JPanel(new GridLayout(1, 3, 6, 6));
    private final JTable timesheetTable = Tables.sortable(timesheet, 220, 120, 90, 90, 90, 80, 100);
    private final JTabbedPane tabs = new JTabbedPane();
    /** An employee code whose timesheet row to select once the report shows, or null. */
    private String selectWhenShown;
    private transient AttendanceReport report;

    public ReportsTopComponent() {
        setName(Bundle.CTL_ReportsTopComponent());
        setLayout(new BorderLayout());
        // the current month: on a new site last month is empty, and HR checks the running month most
        YearMonth month = YearMonth.now();
        from.setText(month.atDay(1).toString());
        to.setText(month.atEndOfMonth().toString());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 6));
        bar.add(new JLabel(Bundle.LBL_From()));
        bar.add(from);
        bar.add(new JLabel(Bundle.LBL_To()));
        bar.add(to);
        bar.add(new JLabel(Bundle.LBL_Department()));
        bar.add(department);
        JButton build = new JButton(Bundle.BTN_Build());
        build.addActionListener(e -> build());
        JButton xlsx = new JButton(Bundle.BTN_Xlsx());
        xlsx.addActionListener(e -> export(Format.XLSX));
        JButton pdf = new JButton(Bundle.BTN_Pdf());
        pdf.addActionListener(e -> export(Format.PDF));
        JButton csv = new JButton(Bundle.BTN_Csv());
        csv.addActionListener(e -> export(Format.CSV));
        bar.add(build);
        // exports on their own row: one row cut the CSV button and the status off at 1280 px
        JPanel exports = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        exports.add(xlsx);
        exports.add(pdf);
        exports.add(csv);
        exports.add(status);
        JPanel rows = new JPanel(new GridLayout(2, 1));
        rows.add(bar);
        rows.add(exports);
        add(rows, BorderLayout.NORTH);
        tabs.setName("reports.tabs");
        tabs.addTab(Bundle.TAB_Timesheet(), new JScrollPane(timesheetTable));
        tabs.addTab(Bundle.TAB_Roster(), new JScrollPane(Tables.sortable(roster, 100, 80, 80, 80, 80, 100)));
        tabs.addTab(Bundle.TAB_Charts(), charts);
        add(tabs, BorderLayout.CENTER);
    }

    /**
     * Opens Reports on the current month and selects {@code employeeCode}'s timesheet row (from the
     * Today window: "clicking a person opens their timesheet").
     */
    static void openTimesheetOf(String employeeCode) {
        ReportsTopComponent tc = (ReportsTopComponent) WindowManager.getDefault().findTopComponent(ID);
        if (tc == null) {
            return;
        }
        tc.open();
        tc.requestActive();
        YearMonth month = YearMonth.now();
        tc.from.setText(month.atDay(1).toString());
        tc.to.setText(month.atEndOfMonth().toString());
        tc.department.setSelectedIndex(tc.department.getItemCount() > 0 ? 0 : -1);
        tc.tabs.setSelectedIndex(0);
        tc.selectWhenShown = employeeCode;
        tc.build();
    }

    @Override
    protected void componentOpened() {
        Background.run("list the departments", () -> {
            TreeSet<String> names = new TreeSet<>();
            for (Employee e : Suite.services().store().listEmployees(true)) {
                if (e.department() != null) {
                    names.add(e.department());
                }
            }
            return names;
        }, names -> {
            department.removeAllItems();
            department.addItem(Bundle.VAL_AllDepartments());
            names.forEach(department::addItem);
        });
    }

    private ReportRequest request() {
        String dept = Objects.equals(department.getSelectedItem(), Bundle.VAL_AllDepartments()) ? null : (String) department.getSelectedItem();
        return new ReportRequest(date(from), date(to), dept);
    }

    private static LocalDate date(JTextField field) {
        try {
            return LocalDate.parse(field.getText().strip());
        } catch (DateTimeParseException e) {
            throw new com.faceattend.suite.SettingsException("date", Bundle.ERR_Date(field.getText()), Bundle.FIX_Date());
        }
    }

    /** The parameters as a request, or null after telling the user what is wrong with them. */
    private ReportRequest requestOrExplain() {
        try {
            return request();
        } catch (RuntimeException e) {
            Problems.show(Bundle.building(), e);
            return null;
        }
    }

    private void build() {
        ReportRequest request = requestOrExplain();
        if (request == null) {
            return;
        }
        Background.run(Bundle.building(), () -> new ReportService(Suite.services().store()).build(request, ProgressListener.NONE,
                CancellationToken.none()), this::show);
    }

    private void show(AttendanceReport r) {
        report = r;
        timesheet.setRowCount(0);
        for (EmployeeTimesheet t : r.timesheets()) {
            Employee e = t.employee();
            timesheet.addRow(new Object[] {e.name() + " (" + e.code() + ")", e.department() == null ? "" : e.department(),
                t.daysAttended(), hours(t.workedMinutes()), hours(t.overtimeMinutes()), t.lateMinutes(), t.daysToReview()});
        }
        roster.setRowCount(0);
        for (AttendanceReport.RosterDay d : r.roster()) {
            roster.addRow(new Object[] {d.date(), d.expected(), d.present(), d.late(), d.absent(), d.toReview()});
        }
        charts.removeAll();
        charts.add(new ChartPanel(ReportCharts.hoursPerDay(r)));
        charts.add(new ChartPanel(ReportCharts.latenessTrend(r)));
        charts.add(new ChartPanel(ReportCharts.arrivalsHistogram(r)));
        charts.revalidate();
        status.setText(r.request().toString());
        if (selectWhenShown != null) {
            String suffix = "(" + selectWhenShown + ")";
            selectWhenShown = null;
            for (int row = 0; row < timesheet.getRowCount(); row++) {
                if (String.valueOf(timesheet.getValueAt(row, 0)).endsWith(suffix)) {
                    int view = timesheetTable.convertRowIndexToView(row);
                    timesheetTable.setRowSelectionInterval(view, view);
                    timesheetTable.scrollRectToVisible(timesheetTable.getCellRect(view, 0, true));
                }
            }
        }
    }

    private static String hours(long minutes) {
        return String.format(Locale.ROOT, "%.2f", minutes / 60.0);
    }

    /** The export formats, with their file extension. */
    private enum Format {
        XLSX(".xlsx"), PDF(".pdf"), CSV(".csv");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    private void export(Format format) {
        ReportRequest request = requestOrExplain();
        if (request == null) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new java.io.File("attendance-" + request.from() + "-" + request.to() + format.extension));
        if (chooser.showSaveDialog(WindowManager.getDefault().getMainWindow()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        CancellationToken cancel = new CancellationToken();
        Background.workers().post(() -> {
            ProgressHandle handle = ProgressHandle.createHandle(Bundle.exporting(file.getFileName()), () -> {
                cancel.cancel();
                return true;
            });
            handle.start();
            try {
                ProgressListener progress = (step, done, total) -> {
                    if (total > 0) {
                        handle.switchToDeterminate((int) Math.min(Integer.MAX_VALUE, total));
                        handle.progress(step, (int) Math.min(done, total));
                    } else {
                        handle.progress(step);
                    }
                };
                ReportService reports = new ReportService(Suite.services().store());
                AttendanceReport r = report != null && report.request().equals(request) ? report
                        : reports.build(request, progress, cancel);
                String organisation = reports.organisationName().orElse(null);
                switch (format) {
                    case XLSX -> XlsxExporter.export(r, organisation, file, progress, cancel);
                    case CSV -> CsvExporter.export(r, file, progress, cancel);
                    case PDF -> {
                        // e.g. no Unicode font: the PDF is written, the user learns what to install
                        List<String> warnings = PdfExporter.export(r, organisation, file, progress, cancel).warnings();
                        if (!warnings.isEmpty()) {
                            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                                    Bundle.MSG_PdfWarning(file, String.join("\n", warnings)), NotifyDescriptor.WARNING_MESSAGE));
                        }
                    }
                }
                // exports carry personal data out of the database: audited, as the command line's
                var store = Suite.services().store();
                store.audit(store.account().orElse(Suite.actor()), "report-export",
                        request.from() + ".." + request.to() + " to " + file.toAbsolutePath());
                java.awt.EventQueue.invokeLater(() -> status.setText(Bundle.MSG_Exported(file)));
            } catch (RuntimeException e) {
                Problems.show(Bundle.exporting(file.getFileName()), e);
            } finally {
                handle.finish();
            }
        });
    }
}
