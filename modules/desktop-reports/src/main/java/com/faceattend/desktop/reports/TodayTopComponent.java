package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Startup;
import com.faceattend.desktop.support.Suite;
import com.faceattend.reports.rules.DayRecord;
import com.faceattend.reports.today.TodayOverview;
import com.faceattend.store.AlertRecord;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableModel;
import org.jfree.chart.ChartPanel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/**
 * Today at a glance, the window the suite opens on: how many are present, late, absent, still
 * expected and off, the people behind each number, arrivals by hour, the latest passes across
 * stations, open alerts and when each station last recorded a pass. It follows the database every
 * few seconds while it is showing (one day's passes: a cheap query) and at once when an employee
 * changes. Double-clicking a person opens their timesheet in Reports. All counting is done by the
 * reports module's {@link com.faceattend.reports.today.TodayService}; this window only shows it.
 */
@TopComponent.Description(preferredID = TodayTopComponent.ID, iconBase = "com/faceattend/desktop/reports/today.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 5)
@ActionID(category = "Window", id = "com.faceattend.desktop.reports.TodayTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 5),
    @ActionReference(path = "Shortcuts", name = "D-1")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_TodayAction", preferredID = TodayTopComponent.ID)
@NbBundle.Messages({"CTL_TodayAction=Today", "CTL_TodayTopComponent=Today",
    "LBL_Present=Present", "LBL_Late=Late", "LBL_Absent=Absent", "LBL_Expected=Not in yet", "LBL_Off=Off / holiday",
    "LBL_Unscheduled=No shift",
    "# {0} - list", "# {1} - how many", "TAB_Count={0} ({1})",
    "COL_Name=Name", "COL_Code=Code", "COL_Shift=Shift", "COL_FirstIn=First in", "COL_LastOut=Last out",
    "COL_LateMin=Late (min)", "COL_Remarks=Remarks", "COL_Time=Time", "COL_Station=Station",
    "COL_Direction=In/out", "COL_Kind=Alert", "COL_LastPass=Last pass",
    "TITLE_Latest=Latest passes", "TITLE_Alerts=Open alerts", "TITLE_Stations=Stations today",
    "# {0} - date", "# {1} - time zone", "# {2} - time", "LBL_Heading=Today, {0} ({1}), as of {2}",
    "HINT_OpenTimesheet=Double-click a person to open their timesheet",
    "REM_MissingIn=missing check-in", "REM_Corrected=manual correction", "REM_Left=has left",
    "VAL_Stranger=Stranger", "VAL_Spoof=Spoof attempt",
    "reading=read today's attendance", "# {0} - the problem", "ERR_Reading=Cannot read today's attendance: {0}"})
public final class TodayTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "TodayTopComponent";
    private static final Logger LOG = Logger.getLogger(TodayTopComponent.class.getName());
    /** Live enough for a door (a person sees themselves within seconds), cheap enough for Derby. */
    private static final int REFRESH_MS = 5_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Stable names of the people lists, in the order of {@link #counts}. */
    private static final String[] LIST_NAMES = {"present", "late", "absent", "expected", "off", "unscheduled"};

    private final JLabel heading = new JLabel(" ");
    private final Count[] counts = {new Count(Bundle.LBL_Present()), new Count(Bundle.LBL_Late()),
        new Count(Bundle.LBL_Absent()), new Count(Bundle.LBL_Expected()), new Count(Bundle.LBL_Off()),
        new Count(Bundle.LBL_Unscheduled())};
    private final DefaultTableModel[] people = new DefaultTableModel[counts.length];
    private final JTabbedPane lists = new JTabbedPane();
    private final JPanel chart = new JPanel(new BorderLayout());
    private final DefaultTableModel latest = Tables.readOnly(Bundle.COL_Time(), Bundle.COL_Name(), Bundle.COL_Station(),
            Bundle.COL_Direction());
    private final DefaultTableModel alerts = Tables.readOnly(Bundle.COL_Time(), Bundle.COL_Kind(), Bundle.COL_Station(),
            Bundle.COL_Name());
    private final DefaultTableModel stations = Tables.readOnly(Bundle.COL_Station(), Bundle.COL_LastPass());
    private final Timer timer = new Timer(REFRESH_MS, e -> refresh());
    private final AtomicBoolean reading = new AtomicBoolean();
    private final transient Consumer<String> employeeChanged = code -> EventQueue.invokeLater(this::refresh);
    private transient DerbyAttendanceStore listenedStore;
    private transient TodayOverview shown;
    /** The arrivals by hour the chart shows; null before the first chart. */
    private volatile int[] shownArrivals;
    private boolean warned;
    private boolean readOnce;
    private String loggedNumbers;

    public TodayTopComponent() {
        setName(Bundle.CTL_TodayTopComponent());
        setToolTipText(Bundle.HINT_OpenTimesheet());
        setLayout(new BorderLayout(6, 6));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));

        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() * 1.3f));
        JPanel top = new JPanel(new BorderLayout(0, 6));
        top.add(heading, BorderLayout.NORTH);
        JPanel cards = new JPanel(new GridLayout(1, counts.length, 8, 0));
        for (int i = 0; i < counts.length; i++) {
            int tab = i;
            counts[i].addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    lists.setSelectedIndex(tab);
                }
            });
            cards.add(counts[i]);
        }
        top.add(cards, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);

        for (int i = 0; i < counts.length; i++) {
            people[i] = Tables.readOnly(Bundle.COL_Name(), Bundle.COL_Code(), Bundle.COL_Dept(), Bundle.COL_Shift(),
                    Bundle.COL_FirstIn(), Bundle.COL_LastOut(), Bundle.COL_LateMin(), Bundle.COL_Remarks());
            // room for a full name ("Lin-Manuel Miranda") and the "Department" and "Late (min)" headings
            JTable table = Tables.sortable(people[i], 145, 55, 90, 50, 80, 80, 80, 80);
            table.setToolTipText(Bundle.HINT_OpenTimesheet());
            table.setName("today." + LIST_NAMES[i]);
            table.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    int row = table.getSelectedRow();
                    if (e.getClickCount() == 2 && row >= 0) {
                        String code = (String) table.getModel().getValueAt(table.convertRowIndexToModel(row), 1);
                        ReportsTopComponent.openTimesheetOf(code);
                    }
                }
            });
            lists.addTab(counts[i].title, new JScrollPane(table));
        }
        lists.setName("today.lists");
        lists.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT); // one row of tabs, however narrow the window
        JPanel side = new JPanel(new GridLayout(3, 1, 0, 6));
        JTable latestTable = Tables.sortable(latest, 70, 140, 110, 50);
        latestTable.setName("today.latest");
        side.add(titled(Bundle.TITLE_Latest(), latestTable));
        side.add(titled(Bundle.TITLE_Alerts(), Tables.sortable(alerts, 70, 90, 110, 80)));
        side.add(titled(Bundle.TITLE_Stations(), Tables.sortable(stations, 180, 90)));
        side.setPreferredSize(new java.awt.Dimension(Math.round(380 * UIManager.getFont("Label.font").getSize2D() / 12f), 10));
        chart.setPreferredSize(new java.awt.Dimension(10, 240));
        // the people get the width; the chart sits under them, wide enough for 24 hour labels
        JSplitPane left = new JSplitPane(JSplitPane.VERTICAL_SPLIT, lists, chart);
        left.setResizeWeight(0.6);
        JSplitPane whole = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, side);
        whole.setResizeWeight(1.0);
        add(whole, BorderLayout.CENTER);
    }

    private static JPanel titled(String title, JTable table) {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createTitledBorder(title));
        p.add(new JScrollPane(table), BorderLayout.CENTER);
        return p;
    }

    @Override
    protected void componentShowing() {
        // the read made while the window system started, shown at once: through a worker, it would
        // wait behind the other windows the platform builds on the Swing thread once the main window shows
        TodayReading early = TodayReading.takeIfDone(REFRESH_MS);
        if (early != null) {
            show(early);
        } else {
            refresh();
        }
        timer.start();
    }

    @Override
    protected void componentHidden() {
        timer.stop();
    }

    @Override
    protected void componentClosed() {
        timer.stop();
        if (listenedStore != null) {
            listenedStore.removeEmployeeListener(employeeChanged);
            listenedStore = null;
        }
    }

    /** Reads today off the Swing thread; one read at a time, later ticks skip while one runs. */
    private void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        int[] onScreen = shownArrivals;
        Background.workers().post(() -> {
            try {
                TodayReading early = TodayReading.takeWaiting(REFRESH_MS);
                TodayReading today = early != null ? early : TodayReading.read(Suite.services().store(), onScreen);
                EventQueue.invokeLater(() -> show(today));
            } catch (RuntimeException e) {
                // every 5 s: say it once in the log, the heading shows the problem until it goes away
                if (!warned) {
                    LOG.log(Level.WARNING, "cannot " + Bundle.reading(), e);
                    warned = true;
                }
                EventQueue.invokeLater(() -> {
                    heading.setText(Bundle.ERR_Reading(e.getMessage()));
                    firstRead();
                });
            } finally {
                reading.set(false);
            }
        });
    }

    private void follow(DerbyAttendanceStore store) {
        if (listenedStore != store) {
            store.addEmployeeListener(employeeChanged);
            listenedStore = store;
        }
    }

    /**
     * The first read (today's numbers, or why there are none: no sign-in yet, database locked),
     * once painted, is when the suite is ready for work; see {@link Startup#ready}. The paint the
     * new numbers asked for runs before a task queued after it. When another window came to the
     * front meanwhile ({@code --show station}), the read itself is.
     */
    private void firstRead() {
        if (!readOnce) {
            readOnce = true;
            if (isShowing()) {
                repaint();
                EventQueue.invokeLater(() -> Startup.ready("Today window painted with the numbers"));
            } else {
                Startup.ready("Today read, behind another window");
            }
        }
    }

    private void show(TodayReading reading) {
        follow(reading.store());
        TodayOverview t = reading.overview();
        warned = false;
        String numbers = String.format(java.util.Locale.ROOT, "present=%d late=%d absent=%d expected=%d off=%d unscheduled=%d",
                t.present().size(), t.late().size(), t.absent().size(), t.expected().size(), t.off().size(), t.unscheduled().size());
        if (shown == null || !numbers.equals(loggedNumbers)) {
            LOG.info("today window: " + numbers); // what the dashboard shows, for support and the UI test
            loggedNumbers = numbers;
        }
        ZoneId zone = t.zone();
        heading.setText(Bundle.LBL_Heading(t.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)),
                zone.getId(), TIME.format(t.asOf().atZone(zone))));
        List<List<TodayOverview.Person>> groups = List.of(t.present(), t.late(), t.absent(), t.expected(), t.off(),
                t.unscheduled());
        for (int i = 0; i < counts.length; i++) {
            List<TodayOverview.Person> group = groups.get(i);
            counts[i].setCount(group.size());
            lists.setTitleAt(i, Bundle.TAB_Count(counts[i].title, group.size()));
            DefaultTableModel m = people[i];
            m.setRowCount(0);
            for (TodayOverview.Person p : group) {
                DayRecord d = p.day();
                m.addRow(new Object[] {p.employee().name(), p.employee().code(),
                    p.employee().department() == null ? "" : p.employee().department(),
                    d.shiftName() == null ? "" : d.shiftName(), time(d.firstIn(), zone), time(d.lastOut(), zone),
                    d.lateMinutes(), remarks(d)});
            }
        }
        latest.setRowCount(0);
        for (AttendanceRecord r : t.latestPasses()) {
            latest.addRow(new Object[] {time(r.time(), zone), r.employeeName(), r.station(), r.direction()});
        }
        alerts.setRowCount(0);
        for (AlertRecord a : t.openAlerts()) {
            alerts.addRow(new Object[] {time(a.time(), zone), kind(a.kind()), a.station(),
                a.claimedEmployee() == null ? "" : a.claimedEmployee()});
        }
        stations.setRowCount(0);
        t.stationLastSeen().forEach((station, at) -> stations.addRow(new Object[] {station, time(at, zone)}));
        if (reading.chart() != null) {
            chart.removeAll();
            chart.add(new ChartPanel(reading.chart()), BorderLayout.CENTER);
            chart.revalidate();
            shownArrivals = t.arrivalsByHour();
        }
        shown = t;
        firstRead();
    }

    /**
     * What to know about a person's day so far. Not "missing check-out": during the day the last
     * pass of someone at work is a check-in.
     */
    private static String remarks(DayRecord d) {
        List<String> notes = new java.util.ArrayList<>();
        if (d.missingCheckIn()) {
            notes.add(Bundle.REM_MissingIn());
        }
        if (d.corrected()) {
            notes.add(Bundle.REM_Corrected());
        }
        if (d.lastOut() != null && !d.missingCheckOut()) {
            notes.add(Bundle.REM_Left());
        }
        if (d.holidayName() != null) {
            notes.add(d.holidayName());
        }
        return String.join("; ", notes);
    }

    private static String kind(com.faceattend.store.AlertKind kind) {
        return kind == com.faceattend.store.AlertKind.SPOOF ? Bundle.VAL_Spoof() : Bundle.VAL_Stranger();
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /** The overview shown last (for tests and the UI test's log line); null before the first read. */
    TodayOverview shown() {
        return shown;
    }

    /** One big number with its label; clicking it shows the list behind it. */
    private static final class Count extends JPanel {
        private static final long serialVersionUID = 1L;
        final String title;
        private final JLabel number = new JLabel("–", SwingConstants.CENTER);

        Count(String title) {
            super(new BorderLayout());
            this.title = title;
            setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createLineBorder(UIManager.getColor("Separator.foreground") == null
                            ? java.awt.Color.GRAY : UIManager.getColor("Separator.foreground")),
                    BorderFactory.createEmptyBorder(6, 6, 6, 6)));
            number.setFont(number.getFont().deriveFont(Font.BOLD, number.getFont().getSize2D() * 2.6f));
            add(number, BorderLayout.CENTER);
            add(new JLabel(title, SwingConstants.CENTER), BorderLayout.SOUTH);
            setCursor(java.awt.Cursor.getPredefinedCursor(java.awt.Cursor.HAND_CURSOR));
        }

        void setCount(int n) {
            number.setText(Integer.toString(n));
        }
    }
}
