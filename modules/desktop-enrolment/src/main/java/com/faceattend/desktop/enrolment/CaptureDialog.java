package com.faceattend.desktop.enrolment;

import com.faceattend.desktop.support.FrameImages;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.engine.pipeline.EnrolmentSample;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.FrameSource;
import com.faceattend.spi.SourceSpec;
import com.faceattend.store.Employee;
import com.faceattend.suite.CaptureFeedback;
import com.faceattend.suite.EnrolmentService;
import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;
import org.openide.util.NbBundle;
import org.openide.windows.WindowManager;

/**
 * Enrolment from the camera: a live preview with quality feedback on every frame (one face, size,
 * pose, sharpness); "Take sample" is enabled only when the frame is good. Samples stay in memory
 * (never on disk) until saved as templates.
 */
@NbBundle.Messages({"# {0} - name", "TITLE_Capture=Capture samples of {0}", "BTN_Take=Take sample",
    "# {0} - count", "BTN_SaveSamples=Save {0} sample(s)", "BTN_Close=Close", "LBL_OpeningCamera=Opening the camera…",
    "# {0} - face px", "# {1} - sharpness", "LBL_Ready=Good: face {0} px, sharpness {1}. Press Take sample.",
    "# {0} - samples", "LBL_Saved={0} templates saved."})
final class CaptureDialog {
    private static final int WANTED_SAMPLES = 3;
    private final Employee employee;
    private final Runnable onSaved;
    private final JDialog dialog;
    private final Preview preview = new Preview();
    private final JLabel feedback = new JLabel(Bundle.LBL_OpeningCamera());
    private final JButton take = new JButton(Bundle.BTN_Take());
    private final JButton save = new JButton(Bundle.BTN_SaveSamples(0));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<FrameImage> lastFrame = new AtomicReference<>();
    private final List<EnrolmentSample> samples = new ArrayList<>();

    CaptureDialog(Employee employee, Runnable onSaved) {
        this.employee = employee;
        this.onSaved = onSaved;
        dialog = new JDialog(WindowManager.getDefault().getMainWindow(), Bundle.TITLE_Capture(employee.name()), false);
        dialog.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel root = new JPanel(new BorderLayout(6, 6));
        root.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        root.add(preview, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        feedback.setBorder(BorderFactory.createEmptyBorder(4, 2, 4, 2));
        south.add(feedback, BorderLayout.NORTH);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JButton close = new JButton(Bundle.BTN_Close());
        close.setName("capture.close");
        take.setName("capture.take");
        save.setName("capture.save");
        feedback.setName("capture.feedback");
        buttons.add(take);
        buttons.add(save);
        buttons.add(close);
        south.add(buttons, BorderLayout.SOUTH);
        root.add(south, BorderLayout.SOUTH);
        dialog.setContentPane(root);
        take.setEnabled(false);
        save.setEnabled(false);
        take.addActionListener(e -> takeSample());
        save.addActionListener(e -> saveSamples());
        close.addActionListener(e -> dialog.dispose());
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                running.set(false);
            }
        });
        dialog.pack();
        dialog.setLocationRelativeTo(dialog.getOwner());
    }

    void open() {
        dialog.setVisible(true);
        Thread t = new Thread(this::previewLoop, "faceattend-capture");
        t.setDaemon(true);
        t.start();
    }

    /** The configured camera, or camera 0 when the station watches a file or stream. */
    private static SourceSpec camera() {
        String configured = Suite.services().settings().source();
        if (!configured.isEmpty()) {
            SourceSpec s = SourceSpec.parse(configured);
            if (s.kind() == SourceSpec.Kind.CAMERA) {
                return s;
            }
        }
        return SourceSpec.parse("0");
    }

    private void previewLoop() {
        SourceSpec spec = camera();
        EnrolmentService enrol = Suite.services().enrolment();
        try (FrameSource source = Suite.services().providers().frameSourceFor(spec).open(spec)) {
            while (running.get()) {
                FrameImage frame = source.next();
                if (frame == null) {
                    break;
                }
                CaptureFeedback fb = enrol.assess(frame);
                lastFrame.set(frame);
                EventQueue.invokeLater(() -> show(frame, fb));
            }
        } catch (RuntimeException e) {
            Problems.show("use the camera for enrolment", e);
            EventQueue.invokeLater(dialog::dispose);
        }
    }

    private void show(FrameImage frame, CaptureFeedback fb) {
        preview.show(frame, fb);
        boolean ready = fb.ready();
        take.setEnabled(ready && samples.size() < 10);
        feedback.setForeground(ready ? new Color(0x1B, 0x6E, 0x2E) : new Color(0xB0, 0x2A, 0x20));
        feedback.setText(ready ? Bundle.LBL_Ready(fb.faceHeight(), String.format(Locale.ROOT, "%.0f", fb.sharpness()))
                : String.join("; ", fb.issues()));
    }

    private void takeSample() {
        FrameImage frame = lastFrame.get();
        if (frame == null) {
            return;
        }
        take.setEnabled(false);
        com.faceattend.desktop.support.Background.run("check the sample", () -> Suite.services().enrolment().check("camera", frame), s -> {
            if (s.isAccepted()) {
                samples.add(s);
            } else {
                feedback.setText(s.rejection().problem());
            }
            save.setText(Bundle.BTN_SaveSamples(samples.size()));
            save.setEnabled(!samples.isEmpty());
            if (samples.size() >= WANTED_SAMPLES) {
                save.requestFocusInWindow();
            }
        });
    }

    private void saveSamples() {
        List<EnrolmentSample> toSave = List.copyOf(samples);
        com.faceattend.desktop.support.Background.run("save the samples of " + employee.code(),
                () -> Suite.services().enrolment().save(employee.code(), employee.name(), employee.department(), true, toSave, Suite.actor()),
                saved -> {
                    feedback.setText(Bundle.LBL_Saved(saved));
                    samples.clear();
                    save.setText(Bundle.BTN_SaveSamples(0));
                    save.setEnabled(false);
                    onSaved.run();
                });
    }

    /** The camera picture with the face box, green when the frame is good. */
    private static final class Preview extends JComponent {
        private static final long serialVersionUID = 1L;
        private transient BufferedImage image;
        private transient CaptureFeedback feedback;

        Preview() {
            setPreferredSize(new Dimension(640, 480));
        }

        void show(FrameImage frame, CaptureFeedback fb) {
            image = FrameImages.toImage(frame, image);
            feedback = fb;
            repaint();
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0.create();
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, getWidth(), getHeight());
            if (image != null) {
                double s = Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
                int w = (int) (image.getWidth() * s), h = (int) (image.getHeight() * s);
                int ox = (getWidth() - w) / 2, oy = (getHeight() - h) / 2;
                g.drawImage(image, ox, oy, w, h, null);
                if (feedback != null && feedback.face() != null) {
                    FaceBox b = feedback.face().box();
                    g.setColor(feedback.ready() ? new Color(0x2E, 0xB8, 0x4B) : new Color(0xE0, 0x3C, 0x31));
                    g.setStroke(new BasicStroke(3f));
                    g.drawRect(ox + (int) (b.x() * s), oy + (int) (b.y() * s), (int) (b.width() * s), (int) (b.height() * s));
                }
            }
            g.dispose();
        }
    }
}
