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
 * The door hardware on Pi4J's mock platform: which pins switch, in which order, and when. Pulses are timed
 * by a {@link VirtualScheduler}: the test moves time forward and every pin change happens at exactly its
 * scheduled virtual time, so lengths are asserted exactly and a loaded build machine cannot fail them.
 */
class GpioOutputsTest {
    private static final String[] PINS = {"door-relay", "led-green", "led-red", "buzzer"};

    private Context pi4j;
    private VirtualScheduler time;

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
        time = new VirtualScheduler();
    }

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private GpioOutputs open(boolean activeLow) {
        return GpioOutputs.open(pi4j, shortConfig(activeLow), time);
    }

    @Test
    void testRelayPulsesOnlyTheDoorForItsTime() {
        try (GpioOutputs gpio = open(true)) {
            PinLog log = new PinLog(time::nanoTime, pi4j, PINS);
            gpio.testRelay();
            time.advance(299);
            assertEquals(List.of(LOW), log.states("door-relay"), "active low: LOW energises the relay " + log.all());
            time.advance(2);
            assertEquals(List.of(LOW, HIGH), log.states("door-relay"), log.all().toString());
            assertEquals(List.of(), log.states("led-green"), "no LED, no buzzer for a relay test");
            assertEquals(List.of(), log.states("buzzer"));
        }
    }

    @Test
    void aSavedConfigurationLoadsBackTheSame(@TempDir Path dir) {
        GpioConfig c = new GpioConfig(5, true, Duration.ofMillis(4000), 6, Duration.ofMillis(1500), 13, Duration.ofMillis(2500),
                19, new long[] {100, 50, 300}, -1, Duration.ofMillis(30));
        Path file = dir.resolve("gpio.properties");
        c.save(file);
        assertEquals(c, GpioConfig.load(file));
        GpioConfig.defaults().save(file);
        assertEquals(GpioConfig.defaults(), GpioConfig.load(file), "replaced in place");
    }

    @Test
    void recognisedAndLiveOpensTheDoorAndLightsGreenForTheirTimes() {
        try (GpioOutputs gpio = open(false)) {
            PinLog log = new PinLog(time::nanoTime, pi4j, PINS);
            gpio.onEvent(RECOGNISED);
            assertEquals(List.of(), log.all(), "onEvent only schedules: the station thread never switches a pin");
            time.advance(299);
            assertEquals(List.of(HIGH), log.states("door-relay"), log.all().toString());
            time.advance(400);
            assertEquals(List.of(HIGH, LOW), log.states("door-relay"), log.all().toString());
            assertEquals(List.of(HIGH, LOW), log.states("led-green"), log.all().toString());
            assertEquals(List.of(), log.states("led-red"));
            assertEquals(List.of(), log.states("buzzer"));
            assertDuration(log.of("door-relay"), 300);
            assertDuration(log.of("led-green"), 200);
        }
    }

    @Test
    void strangerAndSpoofLightRedAndSoundTheBuzzerPatternButNeverOpenTheDoor() {
        try (GpioOutputs gpio = open(false)) {
            PinLog log = new PinLog(time::nanoTime, pi4j, PINS);
            gpio.onEvent(STRANGER);
            time.advance(700);
            assertEquals(List.of(HIGH, LOW), log.states("led-red"), log.all().toString());
            assertDuration(log.of("led-red"), 400);
            List<PinLog.Change> beeps = log.of("buzzer");
            assertEquals(List.of(HIGH, LOW, HIGH, LOW), beeps.stream().map(PinLog.Change::state).toList(), log.all().toString());
            assertEquals(60, beeps.get(1).atMillis() - beeps.get(0).atMillis());
            assertEquals(100, beeps.get(2).atMillis() - beeps.get(0).atMillis());
            assertEquals(160, beeps.get(3).atMillis() - beeps.get(0).atMillis());

            gpio.onEvent(SPOOF);
            time.advance(700);
            assertEquals(List.of(HIGH, LOW, HIGH, LOW), log.states("led-red"));
            assertEquals(8, log.states("buzzer").size());
            assertEquals(List.of(), log.states("door-relay"), "a stranger or spoof never opens the door");
            assertEquals(List.of(), log.states("led-green"));
        }
    }

    @Test
    void aSecondPersonWhileTheDoorIsOpenKeepsItOpenLonger() {
        try (GpioOutputs gpio = open(false)) {
            PinLog log = new PinLog(time::nanoTime, pi4j, PINS);
            gpio.onEvent(RECOGNISED);
            time.advance(200);
            gpio.onEvent(RECOGNISED);
            time.advance(600);
            List<PinLog.Change> door = log.of("door-relay");
            // the second pulse re-asserts HIGH (no change event) and moves the end to 200 + 300 ms
            assertEquals(List.of(HIGH, LOW), door.stream().map(PinLog.Change::state).toList(), log.all().toString());
            assertDuration(door, 500);
        }
    }

    @Test
    void exitButtonOpensTheDoor() throws Exception {
        try (GpioOutputs gpio = open(false)) {
            PinLog log = new PinLog(time::nanoTime, pi4j, PINS);
            MockDigitalInput button = (MockDigitalInput) pi4j.io("exit-button", DigitalInput.class);
            button.mockState(HIGH);
            button.mockState(LOW);
            // Pi4J may deliver the button event on its own thread: wait for it (generous bound, returns at once when it came)
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (time.pending() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            time.advance(600);
            assertEquals(List.of(HIGH, LOW), log.states("door-relay"), log.all().toString());
            assertDuration(log.of("door-relay"), 300);
            assertEquals(List.of(), log.states("led-green"), "leaving is not a welcome");
        }
    }

    @Test
    void activeLowRelayIsEnergisedByLow() {
        try (GpioOutputs gpio = open(true)) {
            DigitalOutput relay = pi4j.io("door-relay", DigitalOutput.class);
            assertEquals(HIGH, relay.state(), "idle = released");
            PinLog log = new PinLog(time::nanoTime, pi4j, PINS);
            gpio.onEvent(RECOGNISED);
            time.advance(600);
            assertEquals(List.of(LOW, HIGH), log.states("door-relay"));
            assertDuration(log.of("door-relay"), 300);
        }
    }

    @Test
    void closeSwitchesEverythingOffEvenMidPulse() {
        GpioOutputs gpio = open(false);
        gpio.onEvent(RECOGNISED);
        gpio.onEvent(STRANGER);
        time.advance(50);
        assertEquals(HIGH, pi4j.io("door-relay", DigitalOutput.class).state(), "mid pulse");
        gpio.close();
        for (String id : PINS) {
            assertEquals(LOW, pi4j.io(id, DigitalOutput.class).state(), id);
        }
        assertEquals(0, time.pending(), "no pulse end left to fire after close");
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
        assertEquals(expectedMs, onOff.get(1).atMillis() - onOff.get(0).atMillis(), "on for " + onOff);
    }
}
