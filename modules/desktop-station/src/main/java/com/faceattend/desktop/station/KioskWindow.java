package com.faceattend.desktop.station;

import com.faceattend.spi.AttendanceEvent;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import org.openide.util.NbBundle;

/**
 * The door screen: full screen, the live picture, and a big greeting for each person recorded.
 * No admin controls; Escape (for the administrator at the keyboard) returns to the normal window.
 */
final class KioskWindow {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private final JFrame frame = new JFrame();
    private final JLabel greeting = new JLabel(" ", SwingConstants.CENTER);
    private final JLabel detail = new JLabel(" ", SwingConstants.CENTER);
    /** IN or OUT, readable from a few metres away. */
    private final JLabel badge = new JLabel(" ", SwingConstants.CENTER);
    private final Timer reset;

    @NbBundle.Messages({"TITLE_Kiosk=FaceAttend", "LBL_KioskIdle=Please look at the camera"})
    KioskWindow(VideoPanel video, Runnable onClose) {
        frame.setTitle(Bundle.TITLE_Kiosk());
        frame.setUndecorated(true);
        JPanel root = new JPanel(new BorderLayout());
        root.setBackground(new Color(0x12, 0x16, 0x1B));
        greeting.setFont(greeting.getFont().deriveFont(Font.BOLD, 56f));
        greeting.setForeground(Color.WHITE);
        detail.setFont(detail.getFont().deriveFont(Font.PLAIN, 28f));
        detail.setForeground(new Color(0xC8, 0xD0, 0xD8));
        badge.setFont(badge.getFont().deriveFont(Font.BOLD, 96f));
        badge.setOpaque(true);
        badge.setBorder(BorderFactory.createEmptyBorder(8, 32, 8, 32));
        JPanel text = new JPanel(new BorderLayout(24, 0));
        text.setOpaque(false);
        text.setBorder(BorderFactory.createEmptyBorder(24, 24, 32, 24));
        text.add(greeting, BorderLayout.CENTER);
        text.add(detail, BorderLayout.SOUTH);
        text.add(badge, BorderLayout.WEST);
        root.add(video, BorderLayout.CENTER);
        root.add(text, BorderLayout.SOUTH);
        frame.setContentPane(root);
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "leave");
        root.getActionMap().put("leave", new javax.swing.AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                close();
                onClose.run();
            }
        });
        reset = new Timer(4000, e -> idle());
        reset.setRepeats(false);
        idle();
    }

    void show() {
        GraphicsDevice screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
        if (screen.isFullScreenSupported()) {
            screen.setFullScreenWindow(frame);
        } else {
            frame.setExtendedState(JFrame.MAXIMIZED_BOTH);
            frame.setVisible(true);
        }
    }

    void close() {
        GraphicsDevice screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
        if (screen.getFullScreenWindow() == frame) {
            screen.setFullScreenWindow(null);
        }
        reset.stop();
        frame.dispose();
    }

    @NbBundle.Messages({"# {0} - first name", "LBL_Morning=Good morning, {0}!", "# {0} - first name", "LBL_Afternoon=Good afternoon, {0}!",
        "# {0} - first name", "LBL_Evening=Good evening, {0}!", "# {0} - first name", "LBL_Goodbye=Goodbye, {0}!",
        "# {0} - time", "LBL_CheckedIn=Checked in at {0}", "# {0} - time", "LBL_CheckedOut=Checked out at {0}",
        "LBL_NotRecognised=Not recognised: please look at the camera", "LBL_NotRecognisedHelp=Still not recognised? Please contact reception.",
        "LBL_NotLive=Please look at the camera in person", "LBL_BadgeIn=IN", "LBL_BadgeOut=OUT"})
    void show(AttendanceEvent e) {
        switch (e) {
            case AttendanceEvent.PersonRecognized p -> {
                String first = p.employeeName().split("\\s+")[0];
                String at = CLOCK.format(p.time().atZone(ZoneId.systemDefault()));
                boolean in = p.direction() == AttendanceEvent.Direction.IN;
                greeting.setForeground(new Color(0x5C, 0xE0, 0x7A));
                greeting.setText(in ? hello(first) : Bundle.LBL_Goodbye(first));
                detail.setText(in ? Bundle.LBL_CheckedIn(at) : Bundle.LBL_CheckedOut(at));
                badge(in ? Bundle.LBL_BadgeIn() : Bundle.LBL_BadgeOut(), in ? new Color(0x2E, 0x9E, 0x50) : new Color(0xD9, 0x8A, 0x1C));
            }
            case AttendanceEvent.StrangerSeen s -> {
                greeting.setForeground(new Color(0xFF, 0x9E, 0x80));
                greeting.setText(Bundle.LBL_NotRecognised());
                detail.setText(Bundle.LBL_NotRecognisedHelp());
                badge(" ", null);
            }
            case AttendanceEvent.SpoofSuspected s -> {
                greeting.setForeground(new Color(0xFF, 0x9E, 0x80));
                greeting.setText(Bundle.LBL_NotLive());
                detail.setText(" ");
                badge(" ", null);
            }
        }
        reset.restart();
    }

    private static String hello(String first) {
        int hour = LocalTime.now().getHour();
        return hour < 12 ? Bundle.LBL_Morning(first) : hour < 18 ? Bundle.LBL_Afternoon(first) : Bundle.LBL_Evening(first);
    }

    private void idle() {
        greeting.setForeground(Color.WHITE);
        greeting.setText(Bundle.LBL_KioskIdle());
        detail.setText(" ");
        badge(" ", null);
    }

    /** The IN/OUT badge in its colour; hidden (null colour) when nobody was recorded. */
    private void badge(String text, Color color) {
        badge.setText(text);
        badge.setForeground(Color.WHITE);
        badge.setBackground(color);
        badge.setOpaque(color != null);
        badge.setVisible(color != null);
    }
}
