package com.faceattend.gpio;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The door hardware on Pi4J's mock platform: which pins switch, in which order, and when. Durations
 * are short here (hundreds of ms) and the timing bounds allow for a loaded build machine.
 */
class GpioOutputsTest {
    private static final String[] PINS = {"door-relay", "led-green", "led-red", "buzzer"};
    private static final double SLACK_MS = 150;

    private Context pi4j;

    /** Door 300 ms, green 200 ms, red 400 ms, buzzer 60 on / 40 off / 60 on. */
    private static GpioConfig shortConfig(boolean activeLow) {
        return new GpioConfig(17, activeLow, Duration.ofMillis(300), 27, Duration.ofMillis(200), 22, Duration.ofMillis(400),
                23, new long[] {60, 40, 60}, 24, Duration.ofMillis(5));
    }

    private static final AttendanceEvent RECOGNISED = new AttendanceEvent.PersonRecognized(Instant.now(), "Front door", "E1",
            "Ann", AttendanceEvent.Direction.IN, 0.7f, 0.9f);
    private static final AttendanceEvent STRANGER = new AttendanceEvent.StrangerSeen(Instant.now(), "Front door", 0.1f,
            Embedding.normalised("m", new float[] {1, 2, 3}));
    private static final AttendanceEvent SPOOF = new AttendanceEvent.SpoofSuspected(Instant.now(), "Front door", "E1", 0.01f);

    @BeforeEach
    void mockPlatform() {
        pi4j = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();
    }

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void recognisedAndLiveOpensTheDoorAndLightsGreenForTheirTimes() throws Exception {
        try (GpioOutputs gpio = GpioOutputs.open(pi4j, shortConfig(false))) {
            PinLog log = new PinLog(pi4j, PINS);
            gpio.onEvent(RECOGNISED);
            // onEvent only schedules: when it returns the 300 ms pulse cannot have ended
            assertEquals(List.of(), log.states("door-relay").stream().filter(s -> s == LOW).toList());
            Thread.sleep(700);
            assertEquals(List.of(HIGH, LOW), log.states("door-relay"), log.all().toString());
            assertEquals(List.of(HIGH, LOW), log.states("led-green"), log.all().toString());
            assertEquals(List.of(), log.states("led-red"));
            assertEquals(List.of(), log.states("buzzer"));
            assertDuration(log.of("door-relay"), 300);
            assertDuration(log.of("led-green"), 200);
        }
    }

    @Test
    void strangerAndSpoofLightRedAndSoundTheBuzzerPatternButNeverOpenTheDoor() throws Exception {
        try (GpioOutputs gpio = GpioOutputs.open(pi4j, shortConfig(false))) {
            PinLog log = new PinLog(pi4j, PINS);
            gpio.onEvent(STRANGER);
            Thread.sleep(700);
            assertEquals(List.of(HIGH, LOW), log.states("led-red"), log.all().toString());
            assertDuration(log.of("led-red"), 400);
            List<PinLog.Change> beeps = log.of("buzzer");
            assertEquals(List.of(HIGH, LOW, HIGH, LOW), beeps.stream().map(PinLog.Change::state).toList(), log.all().toString());
            assertBetween(beeps.get(1).atMillis() - beeps.get(0).atMillis(), 60);
            assertBetween(beeps.get(2).atMillis() - beeps.get(0).atMillis(), 100);
            assertBetween(beeps.get(3).atMillis() - beeps.get(0).atMillis(), 160);

            gpio.onEvent(SPOOF);
            Thread.sleep(700);
            assertEquals(List.of(HIGH, LOW, HIGH, LOW), log.states("led-red"));
            assertEquals(8, log.states("buzzer").size());
            assertEquals(List.of(), log.states("door-relay"), "a stranger or spoof never opens the door");
            assertEquals(List.of(), log.states("led-green"));
        }
    }

    @Test
    void aSecondPersonWhileTheDoorIsOpenKeepsItOpenLonger() throws Exception {
        try (GpioOutputs gpio = GpioOutputs.open(pi4j, shortConfig(false))) {
            PinLog log = new PinLog(pi4j, PINS);
            gpio.onEvent(RECOGNISED);
            Thread.sleep(200);
            gpio.onEvent(RECOGNISED);
            Thread.sleep(600);
            List<PinLog.Change> door = log.of("door-relay");
            // the second pulse re-asserts HIGH (no change event) and moves the end to 200 + 300 ms
            assertEquals(List.of(HIGH, LOW), door.stream().map(PinLog.Change::state).toList(), log.all().toString());
            assertDuration(door, 500);
        }
    }

    @Test
    void exitButtonOpensTheDoor() throws Exception {
        try (GpioOutputs gpio = GpioOutputs.open(pi4j, shortConfig(false))) {
            PinLog log = new PinLog(pi4j, PINS);
            MockDigitalInput button = (MockDigitalInput) pi4j.io("exit-button", DigitalInput.class);
            button.mockState(HIGH);
            button.mockState(LOW);
            Thread.sleep(600);
            assertEquals(List.of(HIGH, LOW), log.states("door-relay"), log.all().toString());
            assertEquals(List.of(), log.states("led-green"), "leaving is not a welcome");
        }
    }

    @Test
    void activeLowRelayIsEnergisedByLow() throws Exception {
        try (GpioOutputs gpio = GpioOutputs.open(pi4j, shortConfig(true))) {
            DigitalOutput relay = pi4j.io("door-relay", DigitalOutput.class);
            assertEquals(HIGH, relay.state(), "idle = released");
            PinLog log = new PinLog(pi4j, PINS);
            gpio.onEvent(RECOGNISED);
            Thread.sleep(600);
            assertEquals(List.of(LOW, HIGH), log.states("door-relay"));
        }
    }

    @Test
    void closeSwitchesEverythingOffEvenMidPulse() throws Exception {
        GpioOutputs gpio = GpioOutputs.open(pi4j, shortConfig(false));
        gpio.onEvent(RECOGNISED);
        gpio.onEvent(STRANGER);
        Thread.sleep(50);
        gpio.close();
        for (String id : PINS) {
            assertEquals(LOW, pi4j.io(id, DigitalOutput.class).state(), id);
        }
    }

    @Test
    void configFileAndItsMistakes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gpio.properties");
        Files.writeString(file, "door.pin=5\ndoor.activeLow=true\ndoor.pulse.ms=4000\nbuzzer.pattern.ms=100,50,100,50,300\nbutton.pin=none\n");
        GpioConfig c = GpioConfig.load(file);
        assertEquals(5, c.doorRelayPin());
        assertTrue(c.relayActiveLow());
        assertEquals(Duration.ofSeconds(4), c.doorPulse());
        assertEquals(-1, c.exitButtonPin());
        assertEquals(27, c.greenLedPin(), "unset keys keep their default");

        Files.writeString(file, "door.pin=27\n");
        GpioException twice = assertThrows(GpioException.class, () -> GpioConfig.load(file));
        assertTrue(twice.getMessage().contains("pin 27 is configured for two functions"), twice.getMessage());
        Files.writeString(file, "led.red.pin=40\n");
        assertTrue(assertThrows(GpioException.class, () -> GpioConfig.load(file)).getMessage().contains("not a usable GPIO"));
        Files.writeString(file, "buzzer.pattern.ms=100,50\n");
        assertTrue(assertThrows(GpioException.class, () -> GpioConfig.load(file)).getMessage().contains("odd number"));
        Files.writeString(file, "door.pulse.ms=three\n");
        assertTrue(assertThrows(GpioException.class, () -> GpioConfig.load(file)).getMessage().contains("not a whole number"));
        GpioException missing = assertThrows(GpioException.class, () -> GpioConfig.load(dir.resolve("nope.properties")));
        assertTrue(missing.fix().contains("--gpio"), missing.fix());
    }

    @Test
    void offARaspberryPiGpioIsReportedUnavailable() {
        assumeFalse(Files.exists(Path.of("/dev/gpiochip0")), "this machine has GPIO");
        GpioException e = assertThrows(GpioException.class, () -> GpioOutputs.openOnThisMachine(GpioConfig.defaults()));
        assertTrue(e.getMessage().startsWith("GPIO is not available on this machine"), e.getMessage());
        assertTrue(e.fix().contains("leave out --gpio"), e.fix());
    }

    private static void assertDuration(List<PinLog.Change> onOff, double expectedMs) {
        assertBetween(onOff.get(1).atMillis() - onOff.get(0).atMillis(), expectedMs);
    }

    private static void assertBetween(double actualMs, double expectedMs) {
        assertTrue(actualMs >= expectedMs - 1 && actualMs <= expectedMs + SLACK_MS,
                "expected about " + expectedMs + " ms, was " + actualMs);
    }
}
