package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Suite;
import com.faceattend.store.AuditEntry;
import com.faceattend.store.AuditQuery;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.table.DefaultTableModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/**
 * The audit log, read only (issue 17): who did what, when, from which station and under which
 * database account, newest first, filtered like {@code faceattend audit list}. The database lets
 * only the administrator and the auditor read it; nobody can change it.
 */
@TopComponent.Description(preferredID = AuditTopComponent.ID, iconBase = "com/faceattend/desktop/reports/reports.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 31)
@ActionID(category = "Window", id = "com.faceattend.desktop.reports.AuditTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 31),
    @ActionReference(path = "Shortcuts", name = "D-8")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_AuditAction", preferredID = AuditTopComponent.ID)
@NbBundle.Messages({"CTL_AuditAction=Audit log", "CTL_AuditTopComponent=Audit log",
    "LBL_AuditFrom=From (yyyy-mm-dd):", "LBL_AuditTo=to:", "LBL_AuditActor=Who:", "LBL_AuditAction=Action (prefix*):",
    "BTN_AuditShow=Show", "COL_Actor=Who", "COL_Action=Action", "COL_Detail=What", "COL_DbUser=Account",
    "loadingAudit=load the audit log", "# {0} - number of entries", "MSG_AuditCount={0} entries, newest first",
    "# {0} - the text typed", "MSG_AuditBadDate=''{0}'' is not a date: write it as 2026-11-30"})
public final class AuditTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "AuditTopComponent";
    /** Enough for a screen of review; narrow the filters for more. */
    private static final int LIMIT = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JTextField from = new JTextField(LocalDate.now().minusDays(30).toString(), 10);
    private final JTextField to = new JTextField(10);
    private final JTextField actor = new JTextField(10);
    private final JTextField action = new JTextField(10);
    private final JLabel status = new JLabel(" ");
    private final DefaultTableModel rows = Tables.readOnly(Bundle.COL_Time(), Bundle.COL_Actor(), Bundle.COL_Action(),
            Bundle.COL_Detail(), Bundle.COL_Station(), Bundle.COL_DbUser());

    public AuditTopComponent() {
        setName(Bundle.CTL_AuditTopComponent());
        setLayout(new BorderLayout(6, 6));
        JPanel filters = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 6));
        filters.add(new JLabel(Bundle.LBL_AuditFrom()));
        filters.add(from);
        filters.add(new JLabel(Bundle.LBL_AuditTo()));
        filters.add(to);
        filters.add(new JLabel(Bundle.LBL_AuditActor()));
        filters.add(actor);
        filters.add(new JLabel(Bundle.LBL_AuditAction()));
        filters.add(action);
        JButton show = new JButton(Bundle.BTN_AuditShow());
        show.addActionListener(e -> refresh());
        filters.add(show);
        filters.add(status);
        add(filters, BorderLayout.NORTH);
        javax.swing.JTable table = Tables.sortable(rows, 150, 120, 130, 520, 130, 100);
        table.setName("audit.table");
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    @Override
    protected void componentOpened() {
        refresh();
    }

    private void refresh() {
        AuditQuery query;
        try {
            ZoneId zone = ZoneId.systemDefault();
            LocalDate f = date(from.getText());
            LocalDate t = date(to.getText());
            query = new AuditQuery(f == null ? null : f.atStartOfDay(zone).toInstant(),
                    t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant(),
                    blankToNull(actor.getText()), blankToNull(action.getText()), LIMIT);
        } catch (DateTimeParseException e) {
            status.setText(Bundle.MSG_AuditBadDate(e.getParsedString()));
            return;
        }
        Background.run(Bundle.loadingAudit(), () -> Suite.services().store().listAudit(query), this::show);
    }

    private void show(List<AuditEntry> entries) {
        rows.setRowCount(0);
        ZoneId zone = ZoneId.systemDefault();
        for (AuditEntry e : entries) {
            rows.addRow(new Object[] {TIME.format(e.time().atZone(zone)), e.actor(), e.action(), e.detail(),
                e.station(), e.dbUser()});
        }
        status.setText(Bundle.MSG_AuditCount(entries.size()));
    }

    private static LocalDate date(String text) {
        return text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
