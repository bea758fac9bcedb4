package com.faceattend.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.gpio.GpioConfig;
import com.faceattend.gpio.GpioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings window's door hardware, on real files: what is saved there is the {@code gpio.properties}
 * the CLI's {@code --gpio} reads; switched off, the values wait in another file and come back; a pin
 * used twice is refused naming it; "Test relay" on this computer (no GPIO chip) says GPIO is not available.
 */
class DoorHardwareTest {
    @TempDir
    Path data;

    @Test
    void savedValuesAreTheCliFileAndSurviveSwitchingOff() {
        DoorHardware door = new DoorHardware(data);
        assertFalse(door.enabled());
        assertEquals(DoorHardware.defaults(), door.values());
        Map<String, String> v = new LinkedHashMap<>(DoorHardware.defaults());
        v.put("door.pin", " 5 ");
        v.put("door.activeLow", "true");
        v.put("door.pulse.ms", "4000");
        v.put("button.pin", "none");
        door.save(v, true);
        assertTrue(door.enabled());
        GpioConfig cli = GpioConfig.load(data.resolve("gpio.properties"));
        assertEquals(5, cli.doorRelayPin());
        assertTrue(cli.relayActiveLow());
        assertEquals(4000, cli.doorPulse().toMillis());
        assertEquals(-1, cli.exitButtonPin());

        door.save(door.values(), false);
        assertFalse(door.enabled());
        assertFalse(Files.exists(data.resolve("gpio.properties")), "off: the station finds no file");
        assertEquals("5", door.values().get("door.pin"), "the values are kept for switching on again");
    }

    @Test
    void badValuesAndAMissingGpioChipAreStatedProblems() {
        DoorHardware door = new DoorHardware(data);
        Map<String, String> v = new LinkedHashMap<>(DoorHardware.defaults());
        v.put("led.red.pin", "17");
        GpioException twice = assertThrows(GpioException.class, () -> door.save(v, true));
        assertTrue(twice.getMessage().contains("pin 17 is configured for two functions"), twice.getMessage());
        assertFalse(door.enabled(), "nothing saved half-way");
        GpioException offPi = assertThrows(GpioException.class, () -> door.testRelay(DoorHardware.defaults()));
        assertTrue(offPi.getMessage().startsWith("GPIO is not available on this machine"), offPi.getMessage());
    }
}
