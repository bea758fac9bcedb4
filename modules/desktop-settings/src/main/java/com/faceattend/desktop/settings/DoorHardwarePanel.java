package com.faceattend.desktop.settings;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Suite;
import com.faceattend.suite.DoorHardware;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.openide.util.NbBundle;

/**
 * Door hardware: the pins and times of the CLI's {@code gpio.properties} (BCM numbers, milliseconds),
 * on or off for the desktop station, and "Test relay", which pulses the door relay once. Off a
 * Raspberry Pi the test says that GPIO is not available here; the station then runs without it.
 */
@NbBundle.Messages({"LBL_DoorOn=Drive a door relay, LEDs and buzzer on this computer's GPIO (Raspberry Pi)",
    "LBL_door_pin=Door relay pin (BCM):", "LBL_door_activeLow=Relay switches on when LOW:", "LBL_door_pulse_ms=Door open (ms):",
    "LBL_led_green_pin=Green LED pin:", "LBL_led_green_ms=Green LED on (ms):", "LBL_led_red_pin=Red LED pin:",
    "LBL_led_red_ms=Red LED on (ms):", "LBL_buzzer_pin=Buzzer pin:", "LBL_buzzer_pattern_ms=Buzzer on,off,on… (ms):",
    "LBL_button_pin=Exit button pin (none = no button):", "LBL_button_debounce_ms=Button debounce (ms):",
    "BTN_SaveDoor=Save door hardware", "BTN_TestRelay=Test relay",
    "savingDoor=save the door hardware settings", "testingRelay=test the door relay", "loadingDoor=load the door hardware settings",
    "MSG_DoorSaved=Door hardware saved: the station uses it after Stop and Start.",
    "MSG_RelayTested=The relay was switched on for the door time, then off."})
final class DoorHardwarePanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private final JCheckBox on = new JCheckBox(Bundle.LBL_DoorOn());
    private final Map<String, JTextField> fields = new LinkedHashMap<>();
    private final JLabel status = new JLabel(" ");

    DoorHardwarePanel() {
        super(new GridBagLayout());
        setName("settings.door");
        on.setName("door.enabled");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 4;
        c.anchor = GridBagConstraints.WEST;
        add(on, c);
        c.gridwidth = 1;
        int i = 0;
        for (String key : DoorHardware.defaults().keySet()) {
            JTextField f = new JTextField(key.equals("buzzer.pattern.ms") ? 14 : 6);
            f.setName("door." + key);
            fields.put(key, f);
            c.gridx = (i % 2) * 2;
            c.gridy = 1 + i / 2;
            c.insets = new Insets(3, c.gridx == 0 ? 0 : 16, 3, 6);
            add(new JLabel(NbBundle.getMessage(DoorHardwarePanel.class, "LBL_" + key.replace('.', '_'))), c);
            c.gridx++;
            c.insets = new Insets(3, 0, 3, 6);
            add(f, c);
            i++;
        }
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        JButton save = new JButton(Bundle.BTN_SaveDoor());
        save.setName("door.save");
        JButton test = new JButton(Bundle.BTN_TestRelay());
        test.setName("door.test");
        buttons.add(save);
        buttons.add(javax.swing.Box.createHorizontalStrut(8));
        buttons.add(test);
        buttons.add(javax.swing.Box.createHorizontalStrut(12));
        buttons.add(status);
        c.gridx = 0;
        c.gridy = 2 + i / 2;
        c.gridwidth = 4;
        c.insets = new Insets(6, 0, 0, 0);
        add(buttons, c);
        setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 0));
        save.addActionListener(e -> {
            Map<String, String> v = values();
            boolean enabled = on.isSelected();
            Background.run(Bundle.savingDoor(), () -> {
                Suite.services().doorHardware().save(v, enabled);
                return null;
            }, ok -> status.setText(Bundle.MSG_DoorSaved()));
        });
        test.addActionListener(e -> {
            Map<String, String> v = values();
            status.setText(" ");
            Background.run(Bundle.testingRelay(), () -> {
                Suite.services().doorHardware().testRelay(v);
                return null;
            }, ok -> status.setText(Bundle.MSG_RelayTested()));
        });
    }

    void load() {
        Background.run(Bundle.loadingDoor(), () -> {
            DoorHardware d = Suite.services().doorHardware();
            return Map.entry(d.enabled(), d.values());
        }, loaded -> {
            on.setSelected(loaded.getKey());
            loaded.getValue().forEach((k, v) -> {
                JTextField f = fields.get(k);
                if (f != null) {
                    f.setText(v);
                }
            });
        });
    }

    private Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        fields.forEach((k, f) -> v.put(k, f.getText()));
        return v;
    }
}
