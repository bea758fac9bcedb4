package com.faceattend.gpio;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Which Raspberry Pi pins (BCM numbers) drive what, and for how long. Validates itself; the
 * defaults are the values stated here. Read from a properties file with {@link #load(Path)}
 * (keys in modules/gpio/README.md).
 *
 * @param doorRelayPin     door strike relay (default BCM 17, header pin 11)
 * @param relayActiveLow   drive the relay pin LOW to energise it, as most opto-isolated relay boards
 *                         want (default false: HIGH = on)
 * @param doorPulse        how long the relay stays on (default 3 s)
 * @param greenLedPin      "welcome" LED (default BCM 27, header pin 13)
 * @param greenOn          how long the green LED stays on (default 2 s)
 * @param redLedPin        "not admitted" LED (default BCM 22, header pin 15)
 * @param redOn            how long the red LED stays on (default 3 s)
 * @param buzzerPin        active buzzer (default BCM 23, header pin 16)
 * @param buzzerPattern    on, off, on, ... durations in milliseconds (default 200,100,200,100,200:
 *                         three short beeps)
 * @param exitButtonPin    optional exit push button between the pin and 3.3 V (internal pull-down); pressing it opens the
 *                         door (default BCM 24, header pin 18; -1 = no button)
 * @param buttonDebounce   contact debounce for the button (default 50 ms)
 */
public record GpioConfig(int doorRelayPin, boolean relayActiveLow, Duration doorPulse, int greenLedPin, Duration greenOn,
                         int redLedPin, Duration redOn, int buzzerPin, long[] buzzerPattern, int exitButtonPin,
                         Duration buttonDebounce) {
    /** BCM GPIO numbers on the 40-pin header. */
    static final int MAX_BCM = 27;

    public GpioConfig {
        buzzerPattern = buzzerPattern.clone();
        Set<Integer> used = new HashSet<>();
        for (int pin : new int[] {doorRelayPin, greenLedPin, redLedPin, buzzerPin, exitButtonPin}) {
            if (pin == -1 && pin == exitButtonPin) {
                continue;
            }
            if (pin < 2 || pin > MAX_BCM) {
                throw invalid("pin " + pin + " is not a usable GPIO (BCM 2 to " + MAX_BCM + ")");
            }
            if (!used.add(pin)) {
                throw invalid("pin " + pin + " is configured for two functions");
            }
        }
        for (Duration d : new Duration[] {doorPulse, greenOn, redOn, buttonDebounce}) {
            if (d.isNegative() || d.compareTo(Duration.ofMinutes(1)) > 0) {
                throw invalid("durations must be between 0 and 60 s, was " + d);
            }
        }
        if (buzzerPattern.length == 0 || buzzerPattern.length % 2 == 0 || Arrays.stream(buzzerPattern).anyMatch(ms -> ms <= 0 || ms > 10_000)) {
            throw invalid("the buzzer pattern must be an odd number of on/off durations (ms, 1 to 10000), starting and ending with 'on'");
        }
    }

    public static GpioConfig defaults() {
        return new GpioConfig(17, false, Duration.ofSeconds(3), 27, Duration.ofSeconds(2), 22, Duration.ofSeconds(3), 23,
                new long[] {200, 100, 200, 100, 200}, 24, Duration.ofMillis(50));
    }

    @Override
    public long[] buzzerPattern() {
        return buzzerPattern.clone();
    }

    /** The configuration in {@code file}: every key optional, missing ones keep their default. */
    public static GpioConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new GpioException("cannot read the GPIO configuration " + file + " (" + e.getMessage() + ")",
                    "Check the path given to --gpio.", e);
        }
        return fromProperties(p, file.toString());
    }

    /**
     * The configuration in {@code p} (the keys of the file format; every key optional, missing ones
     * keep their default); {@code where} names the source in messages.
     */
    public static GpioConfig fromProperties(Properties p, String where) {
        GpioConfig d = defaults();
        try {
            return new GpioConfig(
                    pin(p, "door.pin", d.doorRelayPin()),
                    Boolean.parseBoolean(p.getProperty("door.activeLow", String.valueOf(d.relayActiveLow())).trim()),
                    ms(p, "door.pulse.ms", d.doorPulse()),
                    pin(p, "led.green.pin", d.greenLedPin()),
                    ms(p, "led.green.ms", d.greenOn()),
                    pin(p, "led.red.pin", d.redLedPin()),
                    ms(p, "led.red.ms", d.redOn()),
                    pin(p, "buzzer.pin", d.buzzerPin()),
                    p.containsKey("buzzer.pattern.ms") ? Arrays.stream(p.getProperty("buzzer.pattern.ms").split(","))
                            .map(String::trim).mapToLong(Long::parseLong).toArray() : d.buzzerPattern(),
                    pin(p, "button.pin", d.exitButtonPin()),
                    ms(p, "button.debounce.ms", d.buttonDebounce()));
        } catch (NumberFormatException e) {
            throw new GpioException("the GPIO configuration " + where + " has a value that is not a whole number (" + e.getMessage() + ")",
                    "Write pins as BCM numbers (e.g. door.pin=17) and durations in milliseconds.", e);
        } catch (GpioException e) {
            throw new GpioException(where + ": " + e.getMessage(), e.fix(), e);
        }
    }

    /** Every key of the file format, so {@link #load(Path)} of a {@link #save(Path) saved} file gives this configuration. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("door.pin", String.valueOf(doorRelayPin));
        p.setProperty("door.activeLow", String.valueOf(relayActiveLow));
        p.setProperty("door.pulse.ms", String.valueOf(doorPulse.toMillis()));
        p.setProperty("led.green.pin", String.valueOf(greenLedPin));
        p.setProperty("led.green.ms", String.valueOf(greenOn.toMillis()));
        p.setProperty("led.red.pin", String.valueOf(redLedPin));
        p.setProperty("led.red.ms", String.valueOf(redOn.toMillis()));
        p.setProperty("buzzer.pin", String.valueOf(buzzerPin));
        p.setProperty("buzzer.pattern.ms", String.join(",", Arrays.stream(buzzerPattern).mapToObj(String::valueOf).toList()));
        p.setProperty("button.pin", exitButtonPin < 0 ? "none" : String.valueOf(exitButtonPin));
        p.setProperty("button.debounce.ms", String.valueOf(buttonDebounce.toMillis()));
        return p;
    }

    /**
     * Writes the configuration as a {@code gpio.properties} file the CLI's {@code --gpio} reads too
     * (replaced only once completely written).
     */
    public void save(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (java.io.Writer w = Files.newBufferedWriter(tmp)) {
                toProperties().store(w, "FaceAttend door hardware (BCM pin numbers, times in ms); keys in modules/gpio/README.md");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GpioException("cannot write the GPIO configuration " + file + " (" + e.getMessage() + ")",
                    "Check that the data folder is writable.", e);
        }
    }

    private static int pin(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        v = v.trim();
        return v.isEmpty() || v.equalsIgnoreCase("none") ? -1 : Integer.parseInt(v);
    }

    private static Duration ms(Properties p, String key, Duration fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Duration.ofMillis(Long.parseLong(v.trim()));
    }

    private static GpioException invalid(String problem) {
        return new GpioException(problem, "Fix the GPIO configuration (see modules/gpio/README.md for the pin table).", null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpioConfig c && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "GpioConfig[door=" + doorRelayPin + (relayActiveLow ? " (active low)" : "") + " " + doorPulse.toMillis()
                + " ms, green=" + greenLedPin + " " + greenOn.toMillis() + " ms, red=" + redLedPin + " " + redOn.toMillis()
                + " ms, buzzer=" + buzzerPin + " " + Arrays.toString(buzzerPattern) + " ms, button="
                + (exitButtonPin < 0 ? "none" : exitButtonPin) + "]";
    }
}
