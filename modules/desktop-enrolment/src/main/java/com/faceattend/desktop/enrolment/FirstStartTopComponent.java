package com.faceattend.desktop.enrolment;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.FrameImages;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.SourceSpec;
import com.faceattend.store.WorkShift;
import com.faceattend.suite.SuiteSettings;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle;
import org.openide.windows.OnShowing;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The guided first start: video source with a live preview, the site's time zone, a first shift,
 * and a first employee with consent, whose face is then captured in the enrolment's capture window.
 * Each "Next" stores its step (audited); "Skip set-up" ends it at once. Offered on start until it
 * has been finished or skipped (kept in the database), and again from Window > Getting started.
 */
@TopComponent.Description(preferredID = FirstStartTopComponent.ID, iconBase = "com/faceattend/desktop/enrolment/employees.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 3)
@ActionID(category = "Window", id = "com.faceattend.desktop.enrolment.FirstStartTopComponent")
@ActionReference(path = "Menu/Window", position = 3)
@TopComponent.OpenActionRegistration(displayName = "#CTL_FirstStartAction", preferredID = FirstStartTopComponent.ID)
@NbBundle.Messages({"CTL_FirstStartAction=Getting started", "CTL_FirstStartTopComponent=Getting started",
    "# {0} - step", "# {1} - steps", "LBL_Step=Step {0} of {1}",
    "TITLE_Source=Which camera watches the door?",
    "HELP_FsSource=A camera number (0 = the first webcam), an rtsp:// or http:// camera address, or a video file to try things out. Press Preview to see it.",
    "BTN_Preview=Preview", "BTN_StopPreview=Stop preview",
    "TITLE_Zone=Which time zone is the site in?",
    "HELP_FsZone=Shift times, holidays and report dates are read in this zone, whatever the computer's own setting.",
    "TITLE_Shift=The first shift",
    "HELP_FsShift=Worked Monday to Friday with 5 minutes' grace. An end before the start is a night shift. More shifts, departments and holidays: Window > Shifts and holidays.",
    "LBL_FsShiftName=Name:", "LBL_FsStart=Starts at:", "LBL_FsEnd=Ends at:",
    "TITLE_Employee=The first employee",
    "HELP_FsEmployee=Works the shift above. After Finish, the capture window takes three pictures of their face (with consent only). More people: Window > Employees, also as a folder of photos.",
    "BTN_Back=< Back", "BTN_Next=Next >", "BTN_Finish=Finish and capture the face", "BTN_Skip=Skip set-up",
    "savingStep=save this step", "# {0} - how", "MSG_FirstStartOver=Set-up {0}.",
    "LBL_NoPreview=No picture yet: press Preview.", "LBL_OpeningSource=Opening the source…"})
public final class FirstStartTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FirstStartTopComponent.class.getName());
    static final String ID = "FirstStartTopComponent";
    private static final int STEPS = 4;

    private final CardLayout cards = new CardLayout();
    private final JPanel deck = new JPanel(cards);
    private final JLabel stepLabel = new JLabel();
    private final JButton back = new JButton(Bundle.BTN_Back());
    private final JButton next = new JButton(Bundle.BTN_Next());
    private final JTextField source = new JTextField(44);
    private final JButton previewButton = new JButton(Bundle.BTN_Preview());
    private final transient AtomicBoolean previewing = new AtomicBoolean();
    private final Preview preview = new Preview(previewing);
    private final JComboBox<String> zone = new JComboBox<>(ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toArray(String[]::new));
    private final JTextField shiftName = new JTextField("day", 12);
    private final JTextField shiftStart = new JTextField("09:00", 6);
    private final JTextField shiftEnd = new JTextField("17:00", 6);
    private final EmployeeForm employee = new EmployeeForm(true, true);
    private int step = 1;
    private String savedShift;

    public FirstStartTopComponent() {
        setName(Bundle.CTL_FirstStartTopComponent());
        setLayout(new BorderLayout());
        source.setName("firststart.source");
        zone.setName("firststart.zone");
        zone.setEditable(true);
        zone.setSelectedItem(ZoneId.systemDefault().getId());
        shiftName.setName("firststart.shift");
        shiftStart.setName("firststart.shiftStart");
        shiftEnd.setName("firststart.shiftEnd");
        previewButton.setName("firststart.preview");
        stepLabel.setName("firststart.step");
        previewButton.addActionListener(e -> togglePreview());
        JPanel src = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        src.add(source);
        src.add(previewButton);
        JPanel sourceStep = step(Bundle.TITLE_Source(), Bundle.HELP_FsSource(), src);
        sourceStep.add(preview, BorderLayout.CENTER);
        deck.add(sourceStep, "1");
        JPanel z = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        z.add(zone);
        deck.add(step(Bundle.TITLE_Zone(), Bundle.HELP_FsZone(), z), "2");
        JPanel shift = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        shift.add(new JLabel(Bundle.LBL_FsShiftName()));
        shift.add(shiftName);
        shift.add(new JLabel(Bundle.LBL_FsStart()));
        shift.add(shiftStart);
        shift.add(new JLabel(Bundle.LBL_FsEnd()));
        shift.add(shiftEnd);
        deck.add(step(Bundle.TITLE_Shift(), Bundle.HELP_FsShift(), shift), "3");
        employee.consent.setSelected(true);
        deck.add(step(Bundle.TITLE_Employee(), Bundle.HELP_FsEmployee(), employee), "4");
        add(deck, BorderLayout.CENTER);

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 8));
        JButton skip = new JButton(Bundle.BTN_Skip());
        skip.setName("firststart.skip");
        back.setName("firststart.back");
        next.setName("firststart.next");
        buttons.add(stepLabel);
        buttons.add(skip);
        buttons.add(back);
        buttons.add(next);
        add(buttons, BorderLayout.SOUTH);
        back.addActionListener(e -> show(step - 1));
        next.addActionListener(e -> saveStep());
        skip.addActionListener(e -> end(FirstStartSteps.SKIPPED, () -> {
            FirstStartSteps.skip(Suite.services().store(), Suite.actor());
            return null;
        }, none -> { }));
        show(1);
    }

    /** A step: a large title, a line of help, the fields; room below for a preview. */
    private static JPanel step(String title, String help, JComponent fields) {
        JPanel top = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.WEST;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(4, 0, 6, 0);
        JLabel t = new JLabel(title);
        t.setFont(t.getFont().deriveFont(Font.BOLD, t.getFont().getSize2D() * 1.5f));
        top.add(t, c);
        top.add(new JLabel("<html><body style='width:560px'>" + help + "</body></html>"), c);
        c.fill = GridBagConstraints.NONE;
        top.add(fields, c);
        JPanel p = new JPanel(new BorderLayout(0, 10));
        p.setBorder(BorderFactory.createEmptyBorder(16, 20, 8, 20));
        p.add(top, BorderLayout.NORTH);
        return p;
    }

    private void show(int n) {
        step = Math.max(1, Math.min(STEPS, n));
        if (step != 1) {
            previewing.set(false);
        }
        cards.show(deck, String.valueOf(step));
        stepLabel.setText(Bundle.LBL_Step(step, STEPS));
        back.setEnabled(step > 1);
        next.setText(step == STEPS ? Bundle.BTN_Finish() : Bundle.BTN_Next());
        LOG.info("first start: step " + step);
    }

    /** Checks the step's fields here (bad ones explained), stores it in the background, then moves on. */
    private void saveStep() {
        try {
            switch (step) {
                case 1 -> {
                    String text = FirstStartSteps.text("source", source.getText());
                    SourceSpec.parse(text); // refuses what no frame source can read, with its own message
                    store(() -> {
                        SuiteSettings s = Suite.services().settings();
                        Suite.services().saveSettings(s.withSource(text), Suite.actor());
                        return null;
                    });
                }
                case 2 -> {
                    ZoneId z = FirstStartSteps.zone((String) zone.getSelectedItem());
                    store(() -> {
                        FirstStartSteps.saveZone(Suite.services().store(), z, Suite.actor());
                        return null;
                    });
                }
                case 3 -> {
                    WorkShift w = FirstStartSteps.shift(shiftName.getText(), shiftStart.getText(), shiftEnd.getText());
                    store(() -> {
                        FirstStartSteps.saveShift(Suite.services().store(), w, Suite.actor());
                        savedShift = w.name();
                        return null;
                    });
                }
                default -> finish();
            }
        } catch (RuntimeException ex) {
            Problems.show(Bundle.savingStep(), ex);
        }
    }

    private void store(Callable<Void> work) {
        Background.run(Bundle.savingStep(), work, done -> show(step + 1));
    }

    private void finish() {
        String problem = employee.problem();
        if (problem != null) {
            throw new com.faceattend.suite.SettingsException("employee", problem, problem);
        }
        String code = FirstStartSteps.code(employee.code.getText());
        String name = employee.name.getText().strip();
        String dept = employee.department.getText();
        boolean consent = employee.consent.isSelected();
        String shift = savedShift;
        end(FirstStartSteps.FINISHED, () -> FirstStartSteps.finish(Suite.services().store(), code, name, dept, consent, shift,
                Suite.actor()), added -> {
            if (consent) { // the enrolment's own capture window takes their face
                new CaptureDialog(added, () -> { }).open();
            }
        });
    }

    private <T> void end(String how, Callable<T> work, java.util.function.Consumer<T> after) {
        previewing.set(false);
        Background.run(Bundle.savingStep(), work, done -> {
            LOG.info("first start: " + how);
            close();
            after.accept(done);
        });
    }

    private void togglePreview() {
        if (previewing.getAndSet(false)) {
            return;
        }
        String text = source.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        previewing.set(true);
        previewButton.setText(Bundle.BTN_StopPreview());
        preview.repaint();
        Thread t = new Thread(() -> previewLoop(text), "faceattend-first-start-preview");
        t.setDaemon(true);
        t.start();
    }

    private void previewLoop(String text) {
        try {
            SourceSpec spec = SourceSpec.parse(text);
            try (FrameSource frames = Suite.services().providers().frameSourceFor(spec).open(spec)) {
                boolean first = true;
                while (previewing.get()) {
                    FrameImage f = frames.next();
                    if (f == null) {
                        break;
                    }
                    if (first) {
                        first = false;
                        LOG.info("first start: preview showing");
                    }
                    EventQueue.invokeLater(() -> preview.show(f));
                    Thread.sleep(40); // a file plays at about its own pace, not as fast as it decodes
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Problems.show(Bundle.BTN_Preview().toLowerCase(java.util.Locale.ROOT) + " " + text, e);
        } finally {
            previewing.set(false);
            EventQueue.invokeLater(() -> {
                previewButton.setText(Bundle.BTN_Preview());
                preview.repaint();
            });
        }
    }

    /** What earlier steps stored: shown again, so going through the set-up a second time keeps it. */
    private record Stored(String source, ZoneId zone) {
    }

    @Override
    protected void componentOpened() {
        Background.run(Bundle.savingStep(), () -> new Stored(Suite.services().settings().source(), storedZone()), stored -> {
            if (stored.zone() != null) {
                zone.setSelectedItem(stored.zone().getId());
            }
            String s = stored.source();
            if (source.getText().isBlank()) {
                source.setText(s.isBlank() ? "0" : s);
                if (!s.isBlank() && step == 1) {
                    togglePreview(); // a source is already set: show it at once (no camera is guessed at)
                }
            }
        });
    }

    private static ZoneId storedZone() {
        try {
            return new com.faceattend.store.ScheduleStore(Suite.services().store()).organisationZone().orElse(null);
        } catch (RuntimeException e) { // not signed in yet, or no database: the computer's zone stays offered
            LOG.fine(() -> "first start: no stored zone: " + e.getMessage());
            return null;
        }
    }

    @Override
    protected void componentClosed() {
        previewing.set(false);
    }

    /** The source's latest picture, scaled to fit. */
    private static final class Preview extends JComponent {
        private static final long serialVersionUID = 1L;
        private transient BufferedImage image;
        private final transient AtomicBoolean opening;

        Preview(AtomicBoolean previewing) {
            this.opening = previewing;
            setPreferredSize(new Dimension(480, 270));
        }

        void show(FrameImage frame) {
            image = FrameImages.toImage(frame, image);
            repaint();
        }

        @Override
        protected void paintComponent(Graphics g) {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, getWidth(), getHeight());
            if (image == null) {
                g.setColor(Color.LIGHT_GRAY);
                g.drawString(opening.get() ? Bundle.LBL_OpeningSource() : Bundle.LBL_NoPreview(), 16, 24);
                return;
            }
            double s = Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
            int w = (int) (image.getWidth() * s);
            int h = (int) (image.getHeight() * s);
            g.drawImage(image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
        }
    }

    /** On start, offers the set-up when it was never finished or skipped (see {@link FirstStartSteps#shouldShow}). */
    @OnShowing
    public static final class OfferOnStart implements Runnable {
        @Override
        public void run() {
            Background.run("check whether the set-up is done", () -> {
                try {
                    return FirstStartSteps.shouldShow(Suite.services().store());
                } catch (RuntimeException e) { // not signed in yet, or no database: the sign-in says why
                    LOG.fine(() -> "first start: not checked: " + e.getMessage());
                    return false;
                }
            }, show -> {
                if (show) {
                    TopComponent tc = WindowManager.getDefault().findTopComponent(ID);
                    if (tc != null) {
                        tc.open();
                        tc.requestActive();
                        LOG.info("first start: shown");
                    }
                } else {
                    LOG.info("first start: not needed");
                }
            });
        }
    }
}
