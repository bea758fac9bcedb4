package com.faceattend.desktop.station;

import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FrameImage;
import com.faceattend.suite.StationSession;
import com.faceattend.suite.SuiteSettings;
import com.faceattend.spi.Problem;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Font;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToolBar;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The station: live video with a box, name or "Unknown", similarity and live score per face, the
 * frame rate, the latest check-ins, start/stop and kiosk mode. Decoding and recognition run on the
 * station's own thread; this window only paints the newest frame.
 */
@TopComponent.Description(preferredID = StationTopComponent.ID, iconBase = "com/faceattend/desktop/station/station.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 10)
@ActionID(category = "Window", id = "com.faceattend.desktop.station.StationTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 10),
    @ActionReference(path = "Shortcuts", name = "D-2")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_StationAction", preferredID = StationTopComponent.ID)
@NbBundle.Messages({"CTL_StationAction=Station", "CTL_StationTopComponent=Station",
    "HINT_StationTopComponent=Live recognition at this station",
    "BTN_Start=Start", "BTN_Stop=Stop", "BTN_Kiosk=Kiosk mode",
    "LBL_Starting=Loading models and employees…", "LBL_Feed=Latest check-ins",
    "# {0} - source", "# {1} - people", "LBL_Running=Watching {0} — {1} people enrolled",
    "LBL_Stopped=Stopped", "# {0} - frames", "# {1} - fps", "LBL_Finished=Stopped after {0} frames ({1} fps)"})
public final class StationTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "StationTopComponent";
    private static final Logger LOG = Logger.getLogger(StationTopComponent.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int FEED_SIZE = 50;

    // the text follows the saved settings each time the window shows (see showPrompt)
    private final VideoPanel video = new VideoPanel(" ");
    private final JPanel videoHolder = new JPanel(new BorderLayout());
    private final DefaultListModel<FeedEntry> feed = new DefaultListModel<>();
    private final JButton start = new JButton(Bundle.BTN_Start());
    private final JButton stop = new JButton(Bundle.BTN_Stop());
    private final JButton kiosk = new JButton(Bundle.BTN_Kiosk());
    private final JLabel status = new JLabel(Bundle.LBL_Stopped());
    private final JLabel fps = new JLabel(" ");
    private transient StationSession session;
    private transient KioskWindow kioskWindow;
    // Coalesces frames: at most one repaint pending, so a slow screen drops frames, never queues them.
    private final transient AtomicBoolean paintPending = new AtomicBoolean();
    private volatile transient Latest latest;

    private record Latest(FrameImage frame, FrameAnalysis analysis, double fps) { }

    record FeedEntry(AttendanceEvent event) { }

    public StationTopComponent() {
        setName(Bundle.CTL_StationTopComponent());
        setToolTipText(Bundle.HINT_StationTopComponent());
        setLayout(new BorderLayout());
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        start.setName("station.start");
        stop.setName("station.stop");
        kiosk.setName("station.kiosk");
        status.setName("station.status");
        bar.add(start);
        bar.add(stop);
        bar.addSeparator();
        bar.add(kiosk);
        bar.addSeparator();
        bar.add(status);
        bar.add(javax.swing.Box.createHorizontalGlue());
        fps.setFont(fps.getFont().deriveFont(Font.BOLD));
        bar.add(fps);
        add(bar, BorderLayout.NORTH);
        videoHolder.add(video, BorderLayout.CENTER);
        add(videoHolder, BorderLayout.CENTER);
        JList<FeedEntry> list = new JList<>(feed);
        list.setName("station.feed");
        list.setCellRenderer(new FeedRenderer());
        JScrollPane feedScroll = new JScrollPane(list);
        feedScroll.setBorder(BorderFactory.createTitledBorder(Bundle.LBL_Feed()));
        feedScroll.setPreferredSize(new java.awt.Dimension(300, 400));
        add(feedScroll, BorderLayout.EAST);
        start.addActionListener(e -> startStation());
        stop.addActionListener(e -> stopStation());
        kiosk.addActionListener(e -> enterKiosk());
        stop.setEnabled(false);
    }

    /** Opens the station window and starts it; for the --start-station and --kiosk launch options. */
    static void openAndStart(boolean kioskMode) {
        TopComponent tc = WindowManager.getDefault().findTopComponent(ID);
        if (!(tc instanceof StationTopComponent station)) {
            return;
        }
        station.open();
        station.requestActive();
        station.startStation();
        if (kioskMode) {
            station.enterKiosk();
        }
    }

    /** Settings may have changed while another window was in front: say the next step again. */
    @Override
    protected void componentShowing() {
        showPrompt();
    }

    /** While stopped: "choose a source in Settings" or "press Start", whichever applies now. */
    private void showPrompt() {
        if (session != null && session.isRunning()) {
            return;
        }
        try {
            video.setPlaceholder(StationPrompt.whileStopped(Suite.services().settings()));
        } catch (RuntimeException e) { // an unreadable settings file: Start explains it
            LOG.fine(() -> "station prompt: " + e.getMessage());
        }
    }

    void startStation() {
        if (session != null && session.isRunning()) {
            return;
        }
        start.setEnabled(false);
        stop.setEnabled(true);
        status.setText(Bundle.LBL_Starting());
        video.clear(Bundle.LBL_Starting());
        try {
            session = Suite.services().startStation(new Observer());
        } catch (RuntimeException e) {
            Problems.show("start the station", e);
            stopped(null);
        }
    }

    void stopStation() {
        if (session != null) {
            session.stop();
        }
        stop.setEnabled(false);
    }

    private void enterKiosk() {
        if (kioskWindow != null) {
            return;
        }
        videoHolder.remove(video);
        kioskWindow = new KioskWindow(video, () -> {
            kioskWindow = null;
            videoHolder.add(video, BorderLayout.CENTER);
            videoHolder.revalidate();
            videoHolder.repaint();
        });
        kioskWindow.show();
        if (session == null || !session.isRunning()) {
            startStation();
        }
    }

    private void stopped(StationRunner.RunStats stats) {
        start.setEnabled(true);
        stop.setEnabled(false);
        fps.setText(" ");
        status.setText(stats == null ? Bundle.LBL_Stopped()
                : Bundle.LBL_Finished(stats.frames(), String.format(Locale.ROOT, "%.1f", stats.framesPerSecond())));
        showPrompt(); // a start that failed before the first frame no longer says "Loading models…"
    }

    private void paintLatest() {
        paintPending.set(false);
        Latest l = latest;
        if (l != null) {
            video.show(l.frame(), l.analysis().faces());
            fps.setText(l.fps() > 0 ? String.format(Locale.ROOT, "%.1f fps ", l.fps()) : " ");
        }
    }

    private void addToFeed(AttendanceEvent e) {
        feed.add(0, new FeedEntry(e));
        while (feed.size() > FEED_SIZE) {
            feed.remove(feed.size() - 1);
        }
        if (kioskWindow != null) {
            kioskWindow.show(e);
        }
    }

    @Override
    protected void componentClosed() {
        stopStation();
        if (kioskWindow != null) {
            kioskWindow.close();
            kioskWindow = null;
        }
    }

    /** Station callbacks arrive on the station thread; everything visible happens on the Swing thread. */
    private final class Observer implements StationSession.Observer {
        @Override
        public void onStarted(String source, int people) {
            EventQueue.invokeLater(() -> status.setText(Bundle.LBL_Running(source, people)));
            LOG.info("FaceAttend station started on " + source + " with " + people + " people");
        }

        @Override
        public void onFrame(FrameImage frame, FrameAnalysis analysis, double framesPerSecond) {
            latest = new Latest(frame, analysis, framesPerSecond);
            if (paintPending.compareAndSet(false, true)) {
                EventQueue.invokeLater(StationTopComponent.this::paintLatest);
            }
        }

        @Override
        public void onEvent(AttendanceEvent event) {
            LOG.info("FaceAttend station event: " + describe(event));
            EventQueue.invokeLater(() -> addToFeed(event));
        }

        @Override
        public void onStatus(String text) {
            EventQueue.invokeLater(() -> status.setText(text));
        }

        @Override
        public void onStopped(StationRunner.RunStats stats, Problem problem) {
            LOG.info(String.format(Locale.ROOT, "FaceAttend station stopped: %d frames, %d events, %.1f fps%s", stats.frames(),
                    stats.events(), stats.framesPerSecond(), problem == null ? "" : ", " + problem.sentence()));
            if (problem != null) {
                Problems.show("run the station", problem);
            }
            EventQueue.invokeLater(() -> stopped(stats));
        }
    }

    static String describe(AttendanceEvent e) {
        String at = TIME.format(e.time().atZone(ZoneId.systemDefault()));
        return switch (e) {
            case AttendanceEvent.PersonRecognized p -> String.format(Locale.ROOT, "%s  %-3s  %s  (%.2f)", at, p.direction(),
                    p.employeeName(), p.similarity());
            case AttendanceEvent.StrangerSeen s -> at + "  Stranger";
            case AttendanceEvent.SpoofSuspected s -> at + "  Spoof attempt? (" + s.claimedEmployeeCode() + ")";
        };
    }

    private static final class FeedRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
            AttendanceEvent e = ((FeedEntry) value).event();
            super.getListCellRendererComponent(list, describe(e), index, selected, focus);
            setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
            if (!selected) {
                setForeground(e instanceof AttendanceEvent.PersonRecognized ? new Color(0x1B, 0x6E, 0x2E) : new Color(0xB0, 0x2A, 0x20));
            }
            return this;
        }
    }
}
