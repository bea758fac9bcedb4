package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.Correction;
import com.faceattend.store.CorrectionStore;
import com.faceattend.store.DerbyAttendanceStore;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.table.DefaultTableModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/**
 * Corrections (HR): one day's passes of one person (or of everybody), a missed pass added or a
 * wrong pass voided, each with a reason; below, the corrections already made with who made them
 * and when, as the audit log keeps them. Camera passes are never changed: a voided pass stays
 * listed, marked. What is stored is what the CLI's {@code attendance correct} stores.
 */
@TopComponent.Description(preferredID = CorrectionsTopComponent.ID, iconBase = "com/faceattend/desktop/reports/corrections.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 28)
@ActionID(category = "Window", id = "com.faceattend.desktop.reports.CorrectionsTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 28),
    @ActionReference(path = "Shortcuts", name = "D-9")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_CorrectionsAction", preferredID = CorrectionsTopComponent.ID)
@NbBundle.Messages({"CTL_CorrectionsAction=Corrections", "CTL_CorrectionsTopComponent=Corrections",
    "LBL_CorrCode=Employee code (empty = everybody):", "LBL_CorrDate=Date (yyyy-mm-dd):", "BTN_ShowDay=Show the day",
    "TITLE_Passes=Passes of the day", "TITLE_Corrections=Corrections made (audited)",
    "COL_PassId=Pass", "COL_Counts=Counts",
    "COL_CorrKind=Correction", "COL_Reason=Reason", "COL_By=By", "COL_MadeAt=Made at",
    "VAL_Voided=voided", "VAL_Added=added pass", "VAL_VoidedPass=voided pass",
    "LBL_Reason=Reason:", "LBL_PassTime=Time (hh:mm):", "BTN_AddPass=Add missed pass", "BTN_VoidPass=Void selected pass",
    "loadingCorrections=load the day's passes and corrections", "savingCorrection=save the correction",
    "# {0} - correction number", "MSG_CorrectionSaved=Saved as correction {0} (in the audit log)."})
public final class CorrectionsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "CorrectionsTopComponent";
    private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JTextField code = new JTextField(10);
    private final JTextField date = new JTextField(LocalDate.now().toString(), 10);
    private final JTextField reason = new JTextField(34);
    private final JTextField time = new JTextField("17:00", 5);
    private final JComboBox<Direction> direction = new JComboBox<>(Direction.values());
    private final JLabel status = new JLabel(" ");
    private final DefaultTableModel passes = Tables.readOnly(Bundle.COL_PassId(), Bundle.COL_Code(), Bundle.COL_Time(),
            Bundle.COL_Direction(), Bundle.COL_Station(), Bundle.COL_Counts());
    private final DefaultTableModel corrections = Tables.readOnly(Bundle.COL_Code(), Bundle.COL_CorrKind(), Bundle.COL_Time(),
            Bundle.COL_Direction(), Bundle.COL_Reason(), Bundle.COL_By(), Bundle.COL_MadeAt());
    private final JTable passTable = Tables.sortable(passes, 60, 90, 150, 80, 120, 80);

    public CorrectionsTopComponent() {
        setName(Bundle.CTL_CorrectionsTopComponent());
        setLayout(new BorderLayout(6, 6));
        code.setName("correction.code");
        date.setName("correction.date");
        reason.setName("correction.reason");
        time.setName("correction.time");
        direction.setName("correction.direction");
        direction.setSelectedItem(Direction.OUT); // the usual case: a forgotten check-out

        JPanel day = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 6));
        day.add(new JLabel(Bundle.LBL_CorrCode()));
        day.add(code);
        day.add(new JLabel(Bundle.LBL_CorrDate()));
        day.add(date);
        JButton show = new JButton(Bundle.BTN_ShowDay());
        show.addActionListener(e -> load());
        day.add(show);
        add(day, BorderLayout.NORTH);

        JTable correctionTable = Tables.sortable(corrections, 70, 100, 150, 70, 300, 90, 150);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, titled(Bundle.TITLE_Passes(), passTable),
                titled(Bundle.TITLE_Corrections(), correctionTable));
        split.setResizeWeight(0.5);
        add(split, BorderLayout.CENTER);

        JPanel fix = new JPanel();
        fix.setLayout(new BoxLayout(fix, BoxLayout.Y_AXIS));
        JPanel why = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        why.add(new JLabel(Bundle.LBL_Reason()));
        why.add(reason);
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        actions.add(new JLabel(Bundle.LBL_PassTime()));
        actions.add(time);
        actions.add(direction);
        actions.add(button(Bundle.BTN_AddPass(), "correction.add", () -> {
            String who = ShiftInput.text("code", code.getText());
            LocalDate d = ShiftInput.date("date", date.getText());
            LocalTime t = ShiftInput.time("time", time.getText());
            Direction dir = (Direction) direction.getSelectedItem();
            String why2 = CorrectionInput.reason(reason.getText());
            return store -> CorrectionInput.addPass(store, who, d, t, dir, why2, Suite.actor());
        }));
        actions.add(button(Bundle.BTN_VoidPass(), "correction.void", () -> {
            int row = passTable.getSelectedRow();
            long id = CorrectionInput.selectedPass(row < 0 ? null
                    : (Long) passes.getValueAt(passTable.convertRowIndexToModel(row), 0));
            String why2 = CorrectionInput.reason(reason.getText());
            return store -> CorrectionInput.voidPass(store, id, why2, Suite.actor());
        }));
        actions.add(status);
        fix.add(why);
        fix.add(actions);
        add(fix, BorderLayout.SOUTH);
    }

    private static JPanel titled(String title, JTable table) {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createTitledBorder(title));
        p.add(new JScrollPane(table), BorderLayout.CENTER);
        return p;
    }

    /** A correction checked on the Swing thread (bad fields explained), stored in the background. */
    private interface Change {
        Correction apply(DerbyAttendanceStore store);
    }

    private JButton button(String text, String name, Callable<Change> prepare) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(e -> {
            Change change;
            try {
                change = prepare.call();
            } catch (Exception ex) {
                Problems.show(Bundle.savingCorrection(), ex);
                return;
            }
            Background.run(Bundle.savingCorrection(), () -> change.apply(Suite.services().store()), done -> {
                status.setText(Bundle.MSG_CorrectionSaved(done.id()));
                reason.setText("");
                load();
            });
        });
        return b;
    }

    @Override
    protected void componentOpened() {
        load();
    }

    private record Day(ZoneId zone, List<AttendanceRecord> passes, List<Correction> corrections) {
    }

    private void load() {
        String who = code.getText().isBlank() ? null : code.getText().strip();
        LocalDate d;
        try {
            d = ShiftInput.date("date", date.getText());
        } catch (RuntimeException ex) {
            Problems.show(Bundle.loadingCorrections(), ex);
            return;
        }
        Background.run(Bundle.loadingCorrections(), () -> {
            DerbyAttendanceStore store = Suite.services().store();
            ZoneId zone = CorrectionInput.zone(store);
            Instant from = d.atStartOfDay(zone).toInstant();
            Instant to = d.plusDays(1).atStartOfDay(zone).toInstant();
            return new Day(zone, store.listAttendance(from, to, who), new CorrectionStore(store).list(from, to, who));
        }, day -> {
            Set<Long> voided = new HashSet<>();
            corrections.setRowCount(0);
            for (Correction c : day.corrections()) {
                if (c.voidedEventId() != null) {
                    voided.add(c.voidedEventId());
                }
                corrections.addRow(new Object[] {c.employeeCode(),
                    c.kind() == Correction.Kind.ADD ? Bundle.VAL_Added() : Bundle.VAL_VoidedPass(),
                    local(c.time(), day.zone()), c.direction(), c.reason(), c.actor(), local(c.createdAt(), day.zone())});
            }
            passes.setRowCount(0);
            for (AttendanceRecord r : day.passes()) {
                passes.addRow(new Object[] {r.id(), r.employeeCode(), local(r.time(), day.zone()), r.direction(), r.station(),
                    voided.contains(r.id()) ? Bundle.VAL_Voided() : Bundle.VAL_Yes()});
            }
        });
    }

    /** "2026-03-10 17:30:00" in the site's zone: reads plainly and still sorts as text. */
    private static String local(Instant t, ZoneId zone) {
        return t == null ? null : LOCAL.format(LocalDateTime.ofInstant(t, zone));
    }
}
