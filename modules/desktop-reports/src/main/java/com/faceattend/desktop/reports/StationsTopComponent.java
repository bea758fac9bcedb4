package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Suite;
import com.faceattend.store.StationBeat;
import com.faceattend.store.StationHeartbeats;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.Timer;
import javax.swing.table.DefaultTableModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/**
 * The stations writing to this store (issue 13), as {@code faceattend stations list} shows them:
 * online or offline (no heartbeat for more than three of its intervals), last heartbeat, events
 * today, backlog, frame rate, version and host; refreshed every 2 s while showing.
 */
@TopComponent.Description(preferredID = StationsTopComponent.ID, iconBase = "com/faceattend/desktop/reports/reports.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 29)
@ActionID(category = "Window", id = "com.faceattend.desktop.reports.StationsTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 29),
    @ActionReference(path = "Shortcuts", name = "D-0")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_StationsAction", preferredID = StationsTopComponent.ID)
@NbBundle.Messages({"CTL_StationsAction=Stations", "CTL_StationsTopComponent=Stations",
    "COL_StationState=State", "COL_LastHeartbeat=Last heartbeat", "COL_EventsToday=Events today", "COL_Backlog=Backlog",
    "COL_Fps=Frames/s", "COL_Version=Version", "COL_Host=Host",
    "STATE_Online=Online", "STATE_Offline=Offline", "readingStations=read the stations' heartbeats",
    "# {0} - seconds", "MSG_SecondsAgo={0} s ago",
    "# {0} - stations online", "# {1} - stations in all", "MSG_StationsCount={0} of {1} stations online",
    "MSG_NoStations=No station has sent a heartbeat yet; a running station sends one every 2 s.",
    "# {0} - the problem", "MSG_StationsUnreadable=The stations cannot be read: {0}"})
public final class StationsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "StationsTopComponent";
    private static final Logger LOG = Logger.getLogger(StationsTopComponent.class.getName());
    /** As often as stations beat: a station going quiet shows within one interval of being called offline. */
    private static final int REFRESH_MS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JLabel heading = new JLabel(" ");
    private final DefaultTableModel rows = Tables.readOnly(Bundle.COL_Station(), Bundle.COL_StationState(), Bundle.COL_LastHeartbeat(),
            Bundle.COL_EventsToday(), Bundle.COL_Backlog(), Bundle.COL_Fps(), Bundle.COL_Version(), Bundle.COL_Host());
    private final Timer timer = new Timer(REFRESH_MS, e -> refresh());
    private final AtomicBoolean reading = new AtomicBoolean();
    private transient boolean warned;

    public StationsTopComponent() {
        setName(Bundle.CTL_StationsTopComponent());
        setLayout(new BorderLayout(6, 6));
        heading.setBorder(BorderFactory.createEmptyBorder(6, 6, 0, 6));
        add(heading, BorderLayout.NORTH);
        javax.swing.JTable table = Tables.sortable(rows, 160, 80, 200, 90, 80, 70, 110, 140);
        table.setName("stations.table");
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    @Override
    protected void componentShowing() {
        refresh();
        timer.start();
    }

    @Override
    protected void componentHidden() {
        timer.stop();
    }

    @Override
    protected void componentClosed() {
        timer.stop();
    }

    /** Reads off the Swing thread; one read at a time, later ticks skip while one runs. */
    private void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        Background.workers().post(() -> {
            try {
                List<StationBeat> beats = new StationHeartbeats(Suite.services().store()).list();
                EventQueue.invokeLater(() -> show(beats, Instant.now()));
                warned = false;
            } catch (RuntimeException e) {
                if (!warned) { // every 2 s: say it once in the log; the heading shows it until it goes away
                    LOG.log(Level.WARNING, "cannot " + Bundle.readingStations(), e);
                    warned = true;
                }
                String problem = com.faceattend.spi.Problem.of(e).sentence();
                EventQueue.invokeLater(() -> heading.setText(Bundle.MSG_StationsUnreadable(problem)));
            } finally {
                reading.set(false);
            }
        });
    }

    private void show(List<StationBeat> beats, Instant now) {
        rows.setRowCount(0);
        ZoneId zone = ZoneId.systemDefault();
        int online = 0;
        for (StationBeat b : beats) {
            boolean up = b.onlineAt(now);
            online += up ? 1 : 0;
            long ago = Math.max(0, Duration.between(b.lastBeat(), now).toSeconds());
            rows.addRow(new Object[] {b.station(), up ? Bundle.STATE_Online() : Bundle.STATE_Offline(),
                TIME.format(b.lastBeat().atZone(zone)) + " (" + Bundle.MSG_SecondsAgo(ago) + ")", b.eventsToday(),
                // numbers as numbers (right-aligned, sorted by value); an unknown backlog and a stopped station's
                // last frame rate are left empty rather than shown as if current
                b.backlog() < 0 ? null : Integer.valueOf(b.backlog()), up ? String.format(Locale.ROOT, "%.1f", b.framesPerSecond()) : "",
                b.version(), b.host()});
        }
        heading.setText(beats.isEmpty() ? Bundle.MSG_NoStations() : Bundle.MSG_StationsCount(online, beats.size()));
    }
}
