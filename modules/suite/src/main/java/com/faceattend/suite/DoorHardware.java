package com.faceattend.suite;

import com.faceattend.gpio.GpioConfig;
import com.faceattend.gpio.GpioException;
import com.faceattend.gpio.GpioOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The door relay, LEDs and buzzer of a desktop station, kept as the CLI's {@code gpio.properties}
 * in the data folder: while {@code gpio.properties} exists the desktop station drives GPIO with
 * it (as {@code faceattend run --gpio <data>/gpio.properties} would); switched off, the values
 * wait in {@code gpio-off.properties}. Values are the file format's keys and texts (see
 * modules/gpio/README.md), so a front end needs no GPIO types.
 */
public final class DoorHardware {
    static final String FILE = "gpio.properties";
    static final String OFF_FILE = "gpio-off.properties";

    private final Path dataDir;

    public DoorHardware(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The file a station uses while the hardware is on. */
    public Path activeFile() {
        return dataDir.resolve(FILE);
    }

    /** Whether the desktop station drives GPIO. */
    public boolean enabled() {
        return Files.isRegularFile(activeFile());
    }

    /** Every key with its current text: saved values over the defaults, in the file format's order. */
    public Map<String, String> values() {
        Path file = enabled() ? activeFile() : dataDir.resolve(OFF_FILE);
        GpioConfig c = Files.isRegularFile(file) ? GpioConfig.load(file) : GpioConfig.defaults();
        return ordered(c.toProperties());
    }

    /** The keys in the order of the file format (defaults' values). */
    public static Map<String, String> defaults() {
        return ordered(GpioConfig.defaults().toProperties());
    }

    /**
     * Checks and saves {@code values} (missing keys keep their defaults), on or off.
     *
     * @throws GpioException naming the bad value and the fix (two functions on one pin, a pin outside BCM 2–27...)
     */
    public void save(Map<String, String> values, boolean on) {
        GpioConfig c = check(values);
        Path target = dataDir.resolve(on ? FILE : OFF_FILE);
        c.save(target);
        try {
            Files.deleteIfExists(dataDir.resolve(on ? OFF_FILE : FILE));
        } catch (IOException e) {
            throw new GpioException("cannot switch the door hardware " + (on ? "on" : "off") + " (" + e.getMessage() + ")",
                    "Check that the data folder " + dataDir + " is writable.", e);
        }
    }

    /**
     * Pulses the door relay once with {@code values} on this computer's GPIO and waits for the
     * pulse to end.
     *
     * @throws GpioException off a Raspberry Pi ("GPIO is not available on this machine ..."), when the
     *                       pins are taken (a running station holds them), or for bad values
     */
    public void testRelay(Map<String, String> values) {
        GpioConfig c = check(values);
        try (GpioOutputs gpio = GpioOutputs.openOnThisMachine(c)) {
            gpio.testRelay();
            Thread.sleep(c.doorPulse().toMillis() + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static GpioConfig check(Map<String, String> values) {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(k, v == null ? "" : v.strip()));
        return GpioConfig.fromProperties(p, "the door hardware settings");
    }

    private static Map<String, String> ordered(Properties p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : new String[] {"door.pin", "door.activeLow", "door.pulse.ms", "led.green.pin", "led.green.ms",
            "led.red.pin", "led.red.ms", "buzzer.pin", "buzzer.pattern.ms", "button.pin", "button.debounce.ms"}) {
            out.put(key, p.getProperty(key));
        }
        return out;
    }
}
