package com.faceattend.desktop.settings;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.suite.SettingsException;
import com.faceattend.suite.SuiteServices;
import com.faceattend.suite.SuiteSettings;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Station settings with a plain-language note on what each value does. Invalid values are refused
 * with the field marked and a message that says what is allowed; nothing is saved half-way.
 */
@TopComponent.Description(preferredID = SettingsTopComponent.ID, iconBase = "com/faceattend/desktop/settings/settings.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 30)
@ActionID(category = "Window", id = "com.faceattend.desktop.settings.SettingsTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 30),
    @ActionReference(path = "Shortcuts", name = "D-6")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_SettingsAction", preferredID = SettingsTopComponent.ID)
@NbBundle.Messages({"CTL_SettingsAction=Settings", "CTL_SettingsTopComponent=Settings",
    "LBL_Source=Video source:", "BTN_Browse=Browse…",
    "HELP_Source=Camera number (0 = first webcam), a video file, a folder of images, or an rtsp:// / http:// camera address.",
    "LBL_StationName=Station name:", "HELP_StationName=Shown in reports, e.g. 'Main entrance'.",
    "LBL_Direction=Direction:", "HELP_Direction=auto: a person's first passage of the day is a check-in, the next a check-out, and so on. in/out: a door used one way only.",
    "LBL_Threshold=Strangers taken for an employee:",
    "# {0} - how many strangers' faces per one accepted, formatted (1,000)",
    "OPT_Strangers=about 1 stranger in {0}",
    "HELP_Threshold=How often a face of someone who is not enrolled may be taken for an employee. The station adjusts how close a match must be to the number of people enrolled, so this holds as the staff grows. Stricter (1 in 10,000) makes mistaking visitors for staff rarer, but more employees will have to look at the camera a second time; looser (1 in 100) recognises people more readily in poor light. 1 in 300 suits most sites (measured: under 1 % of strangers taken for staff on public face sets).",
    "LBL_Liveness=Check that the face is a live person (anti-spoofing)",
    "LBL_LivenessThreshold=Liveness threshold:",
    "HELP_LivenessThreshold=At the default 0.04, measured on 590 test photos: stops about 98 of 100 printed-photo attempts but only about 3 of 10 phone-screen replays, and asks about 5 of 100 real people to look again. At 0.50 it stops about half of the screen replays and asks about 10 of 100 people to look again. Higher stops more attacks but refuses more real people; a good screen replay can fool it at any setting.",
    "LBL_Cooldown=Cooldown (seconds):", "HELP_Cooldown=After recording someone, ignore them at this station for this long, so standing at the door does not create duplicate check-ins.",
    "LBL_Every=Analyse every n-th frame:", "HELP_Every=1 analyses every frame. 2 or 3 halves or thirds the work on slow machines (Raspberry Pi) at the cost of slower reactions.",
    "LBL_MaxWidth=Analysis width (px, 0 = full):", "HELP_MaxWidth=Frames wider than this are scaled down before analysis. Smaller is faster; faces far from the camera may then be missed.",
    "LBL_Detector=Face detector:", "LBL_Embedder=Face recogniser:", "LBL_LivenessProvider=Liveness check:",
    "HELP_Providers=Installed plugins (see Window > Plugins). A recogniser of another model needs employees to be enrolled again with it; a model and its int8 variant (arcface-512, arcface-512-int8) share templates.",
    "BTN_Save=Save", "BTN_Revert=Revert", "MSG_Saved=Saved. A running station uses the new settings after Stop and Start.",
    "saving=save the settings", "loadingSettings=load the settings",
    "LBL_Look=Appearance:", "OPT_Light=Light", "OPT_Dark=Dark",
    "HELP_Look=Light or dark windows (FlatLaf). Applies the next time the suite starts; remembered for this user.",
    "MSG_LookSaved=Appearance saved: it applies the next time the suite starts.",
    "LBL_Door=Door hardware:",
    "HELP_Door=The station's door relay, green and red LEDs, buzzer and exit button on a Raspberry Pi (BCM pin numbers; wiring in the GPIO module's README). The same file as the command line's --gpio. Off a Pi the station says that GPIO is not available and runs on."})
public final class SettingsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;

    /** One choice of the stranger setting, shown as what it means. */
    private record StrangerRate(int oneIn) {
        @Override
        public String toString() {
            return Bundle.OPT_Strangers(NumberFormat.getIntegerInstance().format(oneIn));
        }
    }
    static final String ID = "SettingsTopComponent";

    private final JTextField source = new JTextField(34);
    private final JTextField stationName = new JTextField(24);
    private final JComboBox<String> direction = new JComboBox<>(new String[] {"auto", "in", "out"});
    private final JComboBox<StrangerRate> threshold = new JComboBox<>();
    private final JCheckBox liveness = new JCheckBox(Bundle.LBL_Liveness());
    private final JSpinner livenessThreshold = new JSpinner(new SpinnerNumberModel(0.04, 0.01, 0.95, 0.01));
    private final JSpinner cooldown = new JSpinner(new SpinnerNumberModel(120, 0, 86_400, 10));
    private final JSpinner every = new JSpinner(new SpinnerNumberModel(1, 1, 10, 1));
    private final JSpinner maxWidth = new JSpinner(new SpinnerNumberModel(1280, 0, 4096, 160));
    private final JComboBox<String> detector = new JComboBox<>();
    private final JComboBox<String> embedder = new JComboBox<>();
    private final JComboBox<String> livenessProvider = new JComboBox<>();
    private final JLabel status = new JLabel(" ");
    private final JComboBox<String> look = new JComboBox<>(new String[] {Bundle.OPT_Light(), Bundle.OPT_Dark()});
    private final transient Map<String, JComponent> fields = new HashMap<>();
    private final DoorHardwarePanel door = new DoorHardwarePanel();
    /**
     * The help under each field, set the first time the window shows: parsing a dozen HTML texts
     * takes a few hundred milliseconds, and the platform builds this window at start-up, on the
     * Swing thread, before the first window has painted its numbers.
     */
    private final transient Map<JLabel, String> helpTexts = new java.util.LinkedHashMap<>();
    /** The stored settings the fields were last filled from; null before the first load. */
    private transient SuiteSettings shown;

    public SettingsTopComponent() {
        setName(Bundle.CTL_SettingsTopComponent());
        setLayout(new BorderLayout());
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        int y = 0;
        JPanel src = new JPanel(new BorderLayout(4, 0));
        src.add(source, BorderLayout.CENTER);
        JButton browse = new JButton(Bundle.BTN_Browse());
        browse.addActionListener(e -> browse());
        src.add(browse, BorderLayout.EAST);
        y = row(form, y, Bundle.LBL_Source(), src, Bundle.HELP_Source(), "source", source);
        y = row(form, y, Bundle.LBL_StationName(), stationName, Bundle.HELP_StationName(), "stationName", stationName);
        y = row(form, y, Bundle.LBL_Direction(), direction, Bundle.HELP_Direction(), "direction", direction);
        y = row(form, y, Bundle.LBL_Threshold(), threshold, Bundle.HELP_Threshold(), "strangersOneIn", threshold);
        y = row(form, y, "", liveness, null, "livenessEnabled", liveness);
        y = row(form, y, Bundle.LBL_LivenessThreshold(), livenessThreshold, Bundle.HELP_LivenessThreshold(), "livenessThreshold", livenessThreshold);
        y = row(form, y, Bundle.LBL_Cooldown(), cooldown, Bundle.HELP_Cooldown(), "cooldown", cooldown);
        y = row(form, y, Bundle.LBL_Every(), every, Bundle.HELP_Every(), "processEveryNth", every);
        y = row(form, y, Bundle.LBL_MaxWidth(), maxWidth, Bundle.HELP_MaxWidth(), "maxFrameWidth", maxWidth);
        y = row(form, y, Bundle.LBL_Detector(), detector, null, "detectorId", detector);
        y = row(form, y, Bundle.LBL_Embedder(), embedder, null, "embedderId", embedder);
        y = row(form, y, Bundle.LBL_LivenessProvider(), livenessProvider, Bundle.HELP_Providers(), "livenessId", livenessProvider);
        look.setSelectedIndex(Appearance.isDark() ? 1 : 0);
        look.setName("settings.look");
        look.addActionListener(e -> {
            if (Appearance.choose(look.getSelectedIndex() == 1)) {
                status.setText(Bundle.MSG_LookSaved());
            }
        });
        y = row(form, y, Bundle.LBL_Look(), look, Bundle.HELP_Look(), "look", look);
        y = row(form, y, Bundle.LBL_Door(), door, Bundle.HELP_Door(), "door", door);
        GridBagConstraints filler = new GridBagConstraints();
        filler.gridy = y;
        filler.weighty = 1;
        form.add(new JLabel(), filler);
        add(new JScrollPane(form), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
        JButton save = new JButton(Bundle.BTN_Save());
        save.setName("settings.save");
        save.addActionListener(e -> save());
        JButton revert = new JButton(Bundle.BTN_Revert());
        revert.addActionListener(e -> load());
        buttons.add(save);
        buttons.add(revert);
        buttons.add(status);
        add(buttons, BorderLayout.SOUTH);
        liveness.addActionListener(e -> livenessThreshold.setEnabled(liveness.isSelected()));
        livenessThreshold.setEditor(new JSpinner.NumberEditor(livenessThreshold, "0.00"));
        maxWidth.setEditor(new JSpinner.NumberEditor(maxWidth, "0"));
        source.setName("settings.source");
        threshold.setName("settings.strangers");
        status.setName("settings.status");
    }

    private int row(JPanel form, int y, String label, JComponent editor, String help, String field, JComponent marked) {
        fields.put(field, marked);
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = y;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(8, 4, 0, 10);
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.NONE;
        c.insets = new Insets(6, 0, 0, 4);
        form.add(editor, c);
        if (help == null) {
            return y + 1;
        }
        JLabel h = new JLabel();
        helpTexts.put(h, "<html><body style='width:520px'>" + help + "</body></html>");
        h.setForeground(helpColour());
        h.setFont(h.getFont().deriveFont(h.getFont().getSize2D() - 1f));
        c.gridy = y + 1;
        c.insets = new Insets(2, 0, 4, 4);
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(h, c);
        return y + 2;
    }

    /** Help text a little quieter than labels, in light and dark looks alike (a fixed grey vanished on dark). */
    private static Color helpColour() {
        Color fg = javax.swing.UIManager.getColor("Label.foreground");
        Color bg = javax.swing.UIManager.getColor("Panel.background");
        if (fg == null || bg == null) {
            return new Color(0x55, 0x5E, 0x66);
        }
        return new Color((fg.getRed() * 3 + bg.getRed()) / 4, (fg.getGreen() * 3 + bg.getGreen()) / 4,
                (fg.getBlue() * 3 + bg.getBlue()) / 4);
    }

    @Override
    protected void componentOpened() {
        load();
        door.load();
    }

    /**
     * Back in front: when the stored settings changed meanwhile (Getting started sets the source), shows
     * them, so a Save here cannot put back what was shown before; otherwise keeps what is being edited.
     */
    @Override
    protected void componentShowing() {
        if (!helpTexts.isEmpty()) {
            helpTexts.forEach(JLabel::setText);
            helpTexts.clear();
        }
        SuiteSettings before = shown;
        if (before != null) {
            Background.run(Bundle.loadingSettings(), () -> Suite.services().settings(), now -> {
                if (!now.equals(before) && before == shown) {
                    load();
                }
            });
        }
    }

    private void load() {
        Background.run(Bundle.loadingSettings(), () -> {
            SuiteServices s = Suite.services();
            return new Loaded(s.settings(), s.providers().detectors().stream().map(p -> p.info().id()).toList(),
                    s.providers().embedders().stream().map(p -> p.info().id()).toList(),
                    s.providers().livenessChecks().stream().map(p -> p.info().id()).toList());
        }, this::show);
    }

    private record Loaded(SuiteSettings settings, List<String> detectors, List<String> embedders, List<String> liveness) { }

    private void show(Loaded l) {
        SuiteSettings s = l.settings();
        shown = s;
        fill(detector, l.detectors(), s.detectorId());
        fill(embedder, l.embedders(), s.embedderId());
        fill(livenessProvider, l.liveness(), s.livenessId());
        source.setText(s.source());
        stationName.setText(s.stationName());
        direction.setSelectedItem(s.direction());
        threshold.removeAllItems();
        IntStream.concat(IntStream.of(OpenSetDecision.CHOICES), IntStream.of(s.strangersOneIn())).distinct().sorted()
                .forEach(n -> threshold.addItem(new StrangerRate(n)));
        threshold.setSelectedItem(new StrangerRate(s.strangersOneIn()));
        liveness.setSelected(s.livenessEnabled());
        livenessThreshold.setValue((double) s.livenessThreshold());
        livenessThreshold.setEnabled(s.livenessEnabled());
        cooldown.setValue((int) s.cooldown().toSeconds());
        every.setValue(s.processEveryNth());
        maxWidth.setValue(s.maxFrameWidth());
        clearMarks();
        status.setText(" ");
    }

    private static void fill(JComboBox<String> box, List<String> ids, String selected) {
        box.removeAllItems();
        ids.forEach(box::addItem);
        if (!ids.contains(selected)) {
            box.addItem(selected);
        }
        box.setSelectedItem(selected);
    }

    private void save() {
        clearMarks();
        SuiteSettings s;
        try {
            s = new SuiteSettings(source.getText(), stationName.getText(), (String) direction.getSelectedItem(),
                    ((StrangerRate) threshold.getSelectedItem()).oneIn(), liveness.isSelected(),
                    ((Number) livenessThreshold.getValue()).floatValue(), Duration.ofSeconds(((Number) cooldown.getValue()).longValue()),
                    ((Number) every.getValue()).intValue(), ((Number) maxWidth.getValue()).intValue(),
                    (String) detector.getSelectedItem(), (String) embedder.getSelectedItem(), (String) livenessProvider.getSelectedItem());
        } catch (SettingsException e) {
            mark(e.field());
            Problems.show(Bundle.saving(), e);
            return;
        }
        Background.run(Bundle.saving(), () -> {
            try {
                Suite.services().saveSettings(s, Suite.actor());
                return null;
            } catch (SettingsException e) {
                java.awt.EventQueue.invokeLater(() -> mark(e.field()));
                throw e;
            }
        }, ok -> {
            shown = s;
            status.setText(Bundle.MSG_Saved());
        });
    }

    private void mark(String field) {
        JComponent c = fields.get(field);
        if (c != null) {
            c.setBorder(BorderFactory.createLineBorder(new Color(0xE0, 0x3C, 0x31), 2));
            c.requestFocusInWindow();
        }
    }

    private void clearMarks() {
        for (JComponent c : fields.values()) {
            c.setBorder(c instanceof JTextField ? new JTextField().getBorder()
                    : c instanceof JSpinner ? new JSpinner().getBorder() : null);
        }
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        if (chooser.showOpenDialog(WindowManager.getDefault().getMainWindow()) == JFileChooser.APPROVE_OPTION) {
            source.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }
}
