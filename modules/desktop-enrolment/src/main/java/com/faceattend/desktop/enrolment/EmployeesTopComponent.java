package com.faceattend.desktop.enrolment;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.engine.pipeline.PhotoSetChecker;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.EmploymentDates;
import com.faceattend.store.Employee;
import com.faceattend.suite.EnrolmentService;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.TableRowSorter;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Employees and their enrolment: a searchable list; add, edit, deactivate and delete; photos from
 * files or the camera; bulk import of a folder tree with progress and a summary of rejected photos.
 * Only templates are stored, and only once consent is recorded.
 */
@TopComponent.Description(preferredID = EmployeesTopComponent.ID, iconBase = "com/faceattend/desktop/enrolment/employees.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 20)
@ActionID(category = "Window", id = "com.faceattend.desktop.enrolment.EmployeesTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 20),
    @ActionReference(path = "Shortcuts", name = "D-3")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_EmployeesAction", preferredID = EmployeesTopComponent.ID)
@NbBundle.Messages({"CTL_EmployeesAction=Employees", "CTL_EmployeesTopComponent=Employees",
    "HINT_EmployeesTopComponent=Enrol and manage employees", "LBL_Search=Search:", "LBL_Enrol=Enrol faces:",
    "BTN_Add=Add…", "BTN_Edit=Edit…", "BTN_Activate=Activate / deactivate", "BTN_Delete=Delete…",
    "BTN_Withdraw=Withdraw consent…", "TITLE_Withdraw=Withdraw consent", "# {0} - name", "# {1} - code",
    "MSG_Withdraw=<html><b>{0}</b> ({1}) withdrew consent to biometric attendance?<br>Their face templates are erased from disk at once; the employee and their attendance records stay.<br>Enrolling them again needs their consent recorded again.</html>",
    "MSG_NoConsent=No consent is recorded for this employee: there is nothing to withdraw.",
    "# {0} - name", "# {1} - count", "MSG_Withdrawn=Consent of {0} withdrawn; {1} face template(s) erased.",
    "BTN_Photos=Add photos…", "BTN_Capture=Capture from camera…", "BTN_Bulk=Bulk import…", "BTN_Cancel=Cancel import",
    "TITLE_Add=Add employee", "TITLE_Edit=Edit employee", "TITLE_Delete=Delete employee",
    "# {0} - name", "# {1} - code",
    "MSG_Delete=<html>Delete <b>{0}</b> ({1}) with all face templates and attendance records?<br>The data is erased from disk and cannot be restored.</html>",
    "MSG_SelectFirst=Select an employee in the list first.", "LBL_Summary=Last import",
    "# {0} - count", "LBL_Count={0} employees", "TITLE_Photos=Choose photos of the employee",
    "TITLE_Folder=Choose a folder with one sub-folder of photos per person",
    "FILTER_Photos=Photos (jpg, png, bmp, tif, webp)",
    "# {0} - accepted", "# {1} - templates", "# {2} - rejected list", "MSG_PhotosResult={0} photo(s) accepted, {1} templates saved.\n{2}",
    "MSG_ConsentFirst=No consent is recorded for this employee. Edit the employee and record consent first.",
    "LBL_BulkDepartment=Department of new employees (optional):",
    "LBL_BulkConsent=Everyone in this folder gave written consent to biometric attendance",
    "TITLE_Bulk=Bulk import", "# {0} - folder", "PROG_Bulk=Importing {0}", "loading=load the employee list"})
public final class EmployeesTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "EmployeesTopComponent";
    private static final Logger LOG = Logger.getLogger(EmployeesTopComponent.class.getName());

    private final EmployeeTableModel model = new EmployeeTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<EmployeeTableModel> sorter = new TableRowSorter<>(model);
    private final JTextField search = new JTextField(20);
    private final JLabel count = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final JButton cancel = new JButton(Bundle.BTN_Cancel());
    private final JTextArea summary = new JTextArea(8, 60);
    private final transient AtomicBoolean cancelImport = new AtomicBoolean();

    public EmployeesTopComponent() {
        setName(Bundle.CTL_EmployeesTopComponent());
        setToolTipText(Bundle.HINT_EmployeesTopComponent());
        setLayout(new BorderLayout());
        add(toolbar(), BorderLayout.NORTH);
        table.setName("employees.table");
        table.setRowSorter(sorter);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(Math.max(table.getRowHeight(), 22));
        table.setFillsViewportHeight(true);
        // starting widths for code, name, department, status, templates, consent, employed (scaled with the font for HiDPI)
        int[] widths = {90, 240, 160, 80, 100, 130, 180};
        float scale = table.getFont().getSize2D() / 12f;
        for (int i = 0; i < widths.length && i < table.getColumnCount(); i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(Math.round(widths[i] * scale));
        }
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(bottom(), BorderLayout.SOUTH);
        search.setName("employees.search");
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filter();
            }
        });
    }

    /** Two rows: finding and managing people; enrolling their faces. */
    private JPanel toolbar() {
        JPanel people = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        people.add(new JLabel(Bundle.LBL_Search()));
        people.add(search);
        people.add(button(Bundle.BTN_Add(), "employees.add", this::addEmployee));
        people.add(button(Bundle.BTN_Edit(), "employees.edit", this::editEmployee));
        people.add(button(Bundle.BTN_Activate(), "employees.activate", this::toggleActive));
        people.add(button(Bundle.BTN_Withdraw(), "employees.withdraw", this::withdrawConsent));
        people.add(button(Bundle.BTN_Delete(), "employees.delete", this::deleteEmployee));
        JPanel faces = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        faces.add(new JLabel(Bundle.LBL_Enrol()));
        faces.add(button(Bundle.BTN_Photos(), "employees.photos", this::addPhotos));
        faces.add(button(Bundle.BTN_Capture(), "employees.capture", this::capture));
        faces.add(button(Bundle.BTN_Bulk(), "employees.bulk", this::bulkImportChooser));
        JPanel bar = new JPanel(new java.awt.GridLayout(2, 1));
        bar.add(people);
        bar.add(faces);
        return bar;
    }

    private JPanel bottom() {
        JPanel p = new JPanel(new BorderLayout(6, 6));
        p.setBorder(BorderFactory.createEmptyBorder(4, 6, 6, 6));
        JPanel line = new JPanel(new BorderLayout(6, 0));
        line.add(count, BorderLayout.WEST);
        progress.setStringPainted(true);
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.addActionListener(e -> cancelImport.set(true));
        line.add(progress, BorderLayout.CENTER);
        line.add(cancel, BorderLayout.EAST);
        p.add(line, BorderLayout.NORTH);
        summary.setEditable(false);
        summary.setName("employees.summary");
        summary.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 12));
        JScrollPane sp = new JScrollPane(summary);
        sp.setBorder(BorderFactory.createTitledBorder(Bundle.LBL_Summary()));
        sp.setVisible(false);
        p.add(sp, BorderLayout.CENTER);
        return p;
    }

    private static JButton button(String text, String name, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }

    /** Each time it comes to the front: people may have been added elsewhere (Getting started, an import). */
    @Override
    protected void componentShowing() {
        refresh();
    }

    void refresh() {
        Background.run(Bundle.loading(), () -> {
            DerbyAttendanceStore store = Suite.services().store();
            List<EmployeeRow> rows = new ArrayList<>();
            for (Employee e : store.listEmployees(true)) {
                rows.add(new EmployeeRow(e, store.countTemplates(e.code())));
            }
            return rows;
        }, rows -> {
            model.setRows(rows);
            count.setText(Bundle.LBL_Count(rows.size()));
        });
    }

    private void filter() {
        String text = search.getText().strip();
        sorter.setRowFilter(text.isEmpty() ? null : RowFilter.regexFilter("(?iu)" + Pattern.quote(text), 0, 1, 2));
    }

    private EmployeeRow selected() {
        int viewRow = table.getSelectedRow();
        if (viewRow < 0) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_SelectFirst()));
            return null;
        }
        return model.row(table.convertRowIndexToModel(viewRow));
    }

    private void addEmployee() {
        EmployeeForm form = new EmployeeForm(true, true);
        DialogDescriptor dd = new DialogDescriptor(form, Bundle.TITLE_Add());
        form.bind(dd);
        if (DialogDisplayer.getDefault().notify(dd) != DialogDescriptor.OK_OPTION) {
            return;
        }
        String code = form.code.getText().strip(), name = form.name.getText().strip(), dept = form.department.getText().strip();
        boolean consent = form.consent.isSelected();
        java.time.LocalDate hire = form.hireDate(), leave = form.leaveDate();
        Background.run("add employee " + code, () -> {
            Suite.services().store().addEmployee(code, name, dept.isEmpty() ? null : dept, consent ? java.time.Instant.now() : null);
            if (hire != null || leave != null) {
                new EmploymentDates(Suite.services().store()).set(code, hire, leave, Suite.actor());
            }
            return code;
        }, c -> refresh());
    }

    private void editEmployee() {
        EmployeeRow row = selected();
        if (row == null) {
            return;
        }
        Employee e = row.employee();
        EmployeeForm form = new EmployeeForm(false, !e.hasConsent());
        form.code.setText(e.code());
        form.name.setText(e.name());
        form.department.setText(e.department() == null ? "" : e.department());
        form.showDates(e.hireDate(), e.leaveDate());
        DialogDescriptor dd = new DialogDescriptor(form, Bundle.TITLE_Edit());
        form.bind(dd);
        if (DialogDisplayer.getDefault().notify(dd) != DialogDescriptor.OK_OPTION) {
            return;
        }
        String name = form.name.getText().strip(), dept = form.department.getText().strip();
        boolean consentNow = !e.hasConsent() && form.consent.isSelected();
        java.time.LocalDate hire = form.hireDate(), leave = form.leaveDate();
        Background.run("update employee " + e.code(), () -> {
            DerbyAttendanceStore store = Suite.services().store();
            store.updateEmployee(e.code(), name, dept, Suite.actor());
            if (!java.util.Objects.equals(hire, e.hireDate()) || !java.util.Objects.equals(leave, e.leaveDate())) {
                new EmploymentDates(store).set(e.code(), hire, leave, Suite.actor());
            }
            if (consentNow) {
                store.recordConsent(e.code(), java.time.Instant.now(), Suite.actor());
            }
            return e.code();
        }, c -> refresh());
    }

    private void toggleActive() {
        EmployeeRow row = selected();
        if (row != null) {
            Employee e = row.employee();
            Background.run((e.active() ? "deactivate " : "activate ") + e.code(), () -> {
                Suite.services().store().setActive(e.code(), !e.active(), Suite.actor());
                return e.code();
            }, c -> refresh());
        }
    }

    private void deleteEmployee() {
        EmployeeRow row = selected();
        if (row == null) {
            return;
        }
        Employee e = row.employee();
        NotifyDescriptor.Confirmation confirm = new NotifyDescriptor.Confirmation(Bundle.MSG_Delete(e.name(), e.code()),
                Bundle.TITLE_Delete(), NotifyDescriptor.YES_NO_OPTION, NotifyDescriptor.WARNING_MESSAGE);
        if (DialogDisplayer.getDefault().notify(confirm) != NotifyDescriptor.YES_OPTION) {
            return;
        }
        Background.run("delete employee " + e.code(), () -> {
            Suite.services().store().deleteEmployee(e.code(), Suite.actor());
            return e.code();
        }, c -> refresh());
    }

    /** The employee withdrew consent: templates erased at once (the store scrubs the bytes), the person stays. */
    private void withdrawConsent() {
        EmployeeRow row = selected();
        if (row == null) {
            return;
        }
        Employee e = row.employee();
        if (!e.hasConsent()) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_NoConsent()));
            return;
        }
        NotifyDescriptor.Confirmation confirm = new NotifyDescriptor.Confirmation(Bundle.MSG_Withdraw(e.name(), e.code()),
                Bundle.TITLE_Withdraw(), NotifyDescriptor.YES_NO_OPTION, NotifyDescriptor.WARNING_MESSAGE);
        if (DialogDisplayer.getDefault().notify(confirm) != NotifyDescriptor.YES_OPTION) {
            return;
        }
        Background.run("withdraw the consent of " + e.code(),
                () -> Suite.services().store().withdrawConsent(e.code(), Suite.actor()), erased -> {
                    refresh();
                    DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(Bundle.MSG_Withdrawn(e.name(), erased)));
                });
    }

    private void addPhotos() {
        EmployeeRow row = selected();
        if (row == null) {
            return;
        }
        Employee e = row.employee();
        if (!e.hasConsent()) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_ConsentFirst(), NotifyDescriptor.WARNING_MESSAGE));
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Bundle.TITLE_Photos());
        chooser.setMultiSelectionEnabled(true);
        chooser.setFileFilter(new FileNameExtensionFilter(Bundle.FILTER_Photos(), EnrolmentService.PHOTO_ENDINGS.toArray(String[]::new)));
        if (chooser.showOpenDialog(WindowManager.getDefault().getMainWindow()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        List<Path> photos = Arrays.stream(chooser.getSelectedFiles()).map(File::toPath).toList();
        Background.run("enrol photos of " + e.code(), () -> {
            EnrolmentService enrol = Suite.services().enrolment();
            PhotoSetChecker.Result r = enrol.checkPhotos(photos, p -> { });
            int saved = r.accepted().isEmpty() ? 0 : enrol.save(e.code(), e.name(), e.department(), true, r.accepted(), Suite.actor());
            return Bundle.MSG_PhotosResult(r.accepted().size(), saved, ImportSummary.rejections(r.rejected()));
        }, text -> {
            showSummary(text);
            refresh();
        });
    }

    private void capture() {
        EmployeeRow row = selected();
        if (row == null) {
            return;
        }
        if (!row.employee().hasConsent()) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_ConsentFirst(), NotifyDescriptor.WARNING_MESSAGE));
            return;
        }
        new CaptureDialog(row.employee(), this::refresh).open();
    }

    private void bulkImportChooser() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Bundle.TITLE_Folder());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(WindowManager.getDefault().getMainWindow()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        JPanel p = new JPanel(new BorderLayout(6, 6));
        JTextField dept = new JTextField(24);
        javax.swing.JCheckBox consent = new javax.swing.JCheckBox(Bundle.LBL_BulkConsent());
        JPanel d = new JPanel(new FlowLayout(FlowLayout.LEFT));
        d.add(new JLabel(Bundle.LBL_BulkDepartment()));
        d.add(dept);
        p.add(d, BorderLayout.NORTH);
        p.add(consent, BorderLayout.SOUTH);
        p.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        DialogDescriptor dd = new DialogDescriptor(p, Bundle.TITLE_Bulk());
        dd.setValid(false);
        consent.addActionListener(e -> dd.setValid(consent.isSelected()));
        if (DialogDisplayer.getDefault().notify(dd) != DialogDescriptor.OK_OPTION) {
            return;
        }
        Path folder = chooser.getSelectedFile().toPath();
        String department = dept.getText().strip();
        Background.workers().post(() -> bulkImport(folder, department.isEmpty() ? null : department, true));
    }

    /**
     * Imports {@code folder} on the calling (background) thread, showing progress in this window
     * and the status bar, then the summary. Public for the --import-folder launch option.
     */
    void bulkImport(Path folder, String department, boolean consent) {
        cancelImport.set(false);
        ProgressHandle handle = ProgressHandle.createHandle(Bundle.PROG_Bulk(folder.getFileName()), () -> {
            cancelImport.set(true);
            return true;
        });
        handle.start();
        EventQueue.invokeLater(() -> {
            requestActive();
            progress.setValue(0);
            progress.setVisible(true);
            cancel.setVisible(true);
            revalidate();
        });
        try {
            boolean[] switched = {false};
            List<EnrolmentService.PersonResult> results = Suite.services().enrolment().importFolder(folder, department, consent,
                    Suite.actor(), (done, total, what) -> {
                        if (!switched[0]) {
                            handle.switchToDeterminate(total);
                            switched[0] = true;
                        }
                        handle.progress(what, Math.min(done, total));
                        EventQueue.invokeLater(() -> {
                            progress.setMaximum(total);
                            progress.setValue(done);
                            progress.setString(done + " / " + total + "  " + what);
                        });
                    }, cancelImport::get);
            String text = ImportSummary.of(results, cancelImport.get());
            LOG.info("FaceAttend import finished: " + text.lines().findFirst().orElse("").toLowerCase(Locale.ROOT));
            EventQueue.invokeLater(() -> showSummary(text));
        } catch (Exception e) {
            Problems.show("import " + folder, e);
        } finally {
            handle.finish();
            EventQueue.invokeLater(() -> {
                progress.setVisible(false);
                cancel.setVisible(false);
                refresh();
            });
        }
    }

    private void showSummary(String text) {
        summary.setText(text);
        summary.setCaretPosition(0);
        java.awt.Container sp = summary.getParent().getParent();
        sp.setVisible(true);
        revalidate();
        repaint();
    }

    static EmployeesTopComponent find() {
        return (EmployeesTopComponent) WindowManager.getDefault().findTopComponent(ID);
    }
}
