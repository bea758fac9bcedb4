package com.faceattend.desktop.alerts;

import com.faceattend.alerts.Alert;
import com.faceattend.alerts.AlertListener;
import com.faceattend.alerts.AlertService;
import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.RoleWindows;
import com.faceattend.desktop.support.Suite;
import com.faceattend.store.AlertKind;
import com.faceattend.store.AlertQuery;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/**
 * Security staff's alert list: strangers (grouped across visits) and spoof attempts, newest first,
 * with a sound for each new one, filters, and acknowledgement with a note (stored with who and when).
 */
@TopComponent.Description(preferredID = AlertsTopComponent.ID, iconBase = "com/faceattend/desktop/alerts/alerts.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 15)
@ActionID(category = "Window", id = "com.faceattend.desktop.alerts.AlertsTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 15),
    @ActionReference(path = "Shortcuts", name = "D-5")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_AlertsAction", preferredID = AlertsTopComponent.ID)
@NbBundle.Messages({"CTL_AlertsAction=Alerts", "CTL_AlertsTopComponent=Alerts", "LBL_Kind=Show:", "VAL_All=All alerts",
    "VAL_Stranger=Strangers", "VAL_Spoof=Spoof attempts", "KIND_Stranger=Stranger", "KIND_Spoof=Spoof attempt", "LBL_Open=Unacknowledged only", "LBL_Days=Last days:",
    "BTN_Refresh=Refresh", "BTN_Ack=Acknowledge…", "LBL_Sound=Sound on new alerts", "COL_Time=Time", "COL_Station=Station",
    "COL_Kind=Kind", "COL_What=What", "COL_Ack=Acknowledged", "TITLE_Ack=Acknowledge alert", "LBL_Note=Note (what was done):",
    "MSG_SelectAlert=Select an alert first.", "loadingAlerts=load the alerts", "ack=acknowledge the alert",
    "# {0} - count", "LBL_AlertCount={0} alerts"})
public final class AlertsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    /** The alert service this window listens to while open; null before loading or for a role without alerts. */
    private transient AlertService listening;
    static final String ID = "AlertsTopComponent";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JComboBox<String> kind = new JComboBox<>(new String[] {Bundle.VAL_All(), Bundle.VAL_Stranger(), Bundle.VAL_Spoof()});
    private final JCheckBox open = new JCheckBox(Bundle.LBL_Open());
    private final JTextField days = new JTextField("7", 3);
    private final JCheckBox sound = new JCheckBox(Bundle.LBL_Sound(), true);
    private final JLabel count = new JLabel(" ");
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {Bundle.COL_Time(), Bundle.COL_Station(),
        Bundle.COL_Kind(), Bundle.COL_What(), Bundle.COL_Ack()}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private transient List<Alert> shown = List.of();
    private final transient AlertListener onNewAlert = alert -> EventQueue.invokeLater(() -> {
        if (sound.isSelected()) {
            Toolkit.getDefaultToolkit().beep();
        }
        refresh();
    });

    public AlertsTopComponent() {
        setName(Bundle.CTL_AlertsTopComponent());
        setLayout(new BorderLayout());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 6));
        bar.add(new JLabel(Bundle.LBL_Kind()));
        bar.add(kind);
        bar.add(open);
        bar.add(new JLabel(Bundle.LBL_Days()));
        bar.add(days);
        JButton refresh = new JButton(Bundle.BTN_Refresh());
        refresh.addActionListener(e -> refresh());
        JButton ack = new JButton(Bundle.BTN_Ack());
        ack.addActionListener(e -> acknowledge());
        bar.add(refresh);
        bar.add(ack);
        bar.add(sound);
        bar.add(count);
        add(bar, BorderLayout.NORTH);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setName("alerts.table");
        table.getColumnModel().getColumn(3).setPreferredWidth(360);
        add(new JScrollPane(table), BorderLayout.CENTER);
        kind.addActionListener(e -> refresh());
        open.addActionListener(e -> refresh());
    }

    @Override
    protected void componentOpened() {
        Background.run(Bundle.loadingAlerts(), () -> {
            // Opened from the saved layout before sign-in: a role that does not see alerts (the
            // window is closed for it right after) must not touch them and get a refusal dialog.
            if (!RoleWindows.allows(Suite.services().store().role(), ID)) {
                return null;
            }
            AlertService alerts = Suite.services().alerts();
            alerts.addListener(onNewAlert);
            return alerts;
        }, a -> {
            listening = a;
            if (a != null) {
                refresh();
            }
        });
    }

    @Override
    protected void componentClosed() {
        if (listening != null) {
            listening.removeListener(onNewAlert);
            listening = null;
        }
    }

    private AlertQuery query() {
        int d;
        try {
            d = Math.max(1, Math.min(3660, Integer.parseInt(days.getText().strip())));
        } catch (NumberFormatException e) {
            d = 7;
            days.setText("7");
        }
        AlertKind k = switch (kind.getSelectedIndex()) {
            case 1 -> AlertKind.STRANGER;
            case 2 -> AlertKind.SPOOF;
            default -> null;
        };
        return new AlertQuery(Instant.now().minus(Duration.ofDays(d)), k, open.isSelected(), 1000);
    }

    void refresh() {
        AlertQuery q = query();
        Background.run(Bundle.loadingAlerts(), () -> Suite.services().alerts().list(q), this::show);
    }

    private void show(List<Alert> alerts) {
        shown = alerts;
        model.setRowCount(0);
        for (Alert a : alerts) {
            var r = a.record();
            model.addRow(new Object[] {TIME.format(r.time().atZone(ZoneId.systemDefault())), r.station(),
                a.kind() == AlertKind.STRANGER ? Bundle.KIND_Stranger() : Bundle.KIND_Spoof(), a.description(),
                r.acknowledged() ? r.ackActor() + ": " + (r.ackNote() == null ? "" : r.ackNote()) : ""});
        }
        count.setText(Bundle.LBL_AlertCount(alerts.size()));
    }

    private void acknowledge() {
        int row = table.getSelectedRow();
        if (row < 0) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_SelectAlert()));
            return;
        }
        Alert alert = shown.get(table.convertRowIndexToModel(row));
        JPanel p = new JPanel(new BorderLayout(4, 4));
        JTextField note = new JTextField(40);
        p.add(new JLabel(Bundle.LBL_Note()), BorderLayout.NORTH);
        p.add(note, BorderLayout.CENTER);
        p.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 8, 8));
        if (DialogDisplayer.getDefault().notify(new DialogDescriptor(p, Bundle.TITLE_Ack())) != DialogDescriptor.OK_OPTION) {
            return;
        }
        String text = note.getText().strip();
        Background.run(Bundle.ack(), () -> Suite.services().alerts().acknowledge(alert.id(), Suite.actor(), text), a -> refresh());
    }
}
