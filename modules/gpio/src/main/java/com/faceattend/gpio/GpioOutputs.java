package com.faceattend.gpio;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A station's door hardware on Raspberry Pi GPIO, driven by station events through
 * {@link AttendanceListener} (a webhook or a USB relay board would plug in the same way):
 * <ul>
 *   <li>recognised and live ({@code PersonRecognized}): door relay pulse and green LED;</li>
 *   <li>stranger or suspected spoof: red LED and the buzzer pattern;</li>
 *   <li>exit button (optional input): opens the door.</li>
 * </ul>
 * {@link #onEvent} only hands the work to this object's own scheduler thread and returns, so pulses
 * never hold up the station thread. Close it to switch everything off and release the pins.
 */
public final class GpioOutputs implements AttendanceListener, AutoCloseable {
    private final Context pi4j;
    private final boolean ownsContext;
    private final GpioConfig config;
    private final ScheduledExecutorService scheduler;
    private final TimedOutput door;
    private final TimedOutput green;
    private final TimedOutput red;
    private final TimedOutput buzzer;
    private final DigitalInput exitButton;
    private volatile LongConsumer doorOpened = t -> { };

    private GpioOutputs(Context pi4j, boolean ownsContext, GpioConfig config) {
        this(pi4j, ownsContext, config, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faceattend-gpio");
            t.setDaemon(true);
            return t;
        }));
    }

    /** {@code scheduler} runs every pin change and pulse end; tests pass one on virtual time. */
    private GpioOutputs(Context pi4j, boolean ownsContext, GpioConfig config, ScheduledExecutorService scheduler) {
        this.pi4j = pi4j;
        this.ownsContext = ownsContext;
        this.config = config;
        this.scheduler = scheduler;
        try {
            this.door = new TimedOutput(output("door-relay", "Door relay", config.doorRelayPin(), config.relayActiveLow()),
                    config.relayActiveLow(), scheduler);
            this.green = new TimedOutput(output("led-green", "Green LED", config.greenLedPin(), false), false, scheduler);
            this.red = new TimedOutput(output("led-red", "Red LED", config.redLedPin(), false), false, scheduler);
            this.buzzer = new TimedOutput(output("buzzer", "Buzzer", config.buzzerPin(), false), false, scheduler);
            this.exitButton = config.exitButtonPin() < 0 ? null : pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id("exit-button").name("Exit button").address(config.exitButtonPin())
                    .pull(PullResistance.PULL_DOWN).debounce(config.buttonDebounce().toMillis(), TimeUnit.MILLISECONDS)
                    .build());
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw new GpioException("cannot claim the GPIO pins " + config + " (" + e.getMessage() + ")",
                    "Check that no other program uses these pins and that this user may use GPIO (group 'gpio').", e);
        }
        if (exitButton != null) {
            exitButton.addListener(e -> {
                if (e.state() == DigitalState.HIGH) {
                    scheduler.execute(this::openDoor);
                }
            });
        }
    }

    /**
     * GPIO through an existing Pi4J context (tests use Pi4J's mock platform). The caller keeps
     * ownership of the context.
     */
    public static GpioOutputs open(Context pi4j, GpioConfig config) {
        return new GpioOutputs(Objects.requireNonNull(pi4j, "pi4j"), false, Objects.requireNonNull(config, "config"));
    }

    /**
     * As {@link #open(Context, GpioConfig)}, with pin changes timed by {@code scheduler} (which this object
     * shuts down on close): tests drive pulses on virtual time instead of sleeping.
     */
    static GpioOutputs open(Context pi4j, GpioConfig config, ScheduledExecutorService scheduler) {
        return new GpioOutputs(Objects.requireNonNull(pi4j, "pi4j"), false, Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(scheduler, "scheduler"));
    }

    /**
     * GPIO of this machine (Pi4J's auto-detected platform).
     *
     * @throws GpioException with a clear message when this is not a Raspberry Pi (no GPIO provider, no
     *                       /dev/gpiochip) or the pins cannot be claimed
     */
    public static GpioOutputs openOnThisMachine(GpioConfig config) {
        Context ctx;
        try {
            ctx = Pi4J.newAutoContext();
        } catch (RuntimeException | LinkageError e) {
            throw unavailable(e.getMessage(), e);
        }
        if (!ctx.hasProvider(IOType.DIGITAL_OUTPUT) || !java.nio.file.Files.exists(java.nio.file.Path.of("/dev/gpiochip0"))) {
            ctx.shutdown();
            throw unavailable("no GPIO chip found", null);
        }
        try {
            return new GpioOutputs(ctx, true, config);
        } catch (RuntimeException e) {
            ctx.shutdown();
            throw e;
        }
    }

    private static GpioException unavailable(String detail, Throwable cause) {
        return new GpioException("GPIO is not available on this machine (" + detail + "): door relay, LEDs and buzzer are off",
                "Run the station on a Raspberry Pi with GPIO enabled, or leave out --gpio; attendance and alerts work without it.", cause);
    }

    public GpioConfig config() {
        return config;
    }

    /** Called (on the GPIO thread) with {@link System#nanoTime()} right after the door relay is switched on; for measurements. */
    public void onDoorOpened(LongConsumer listener) {
        this.doorOpened = Objects.requireNonNull(listener);
    }

    @Override
    public void onEvent(AttendanceEvent event) {
        switch (event) {
            case AttendanceEvent.PersonRecognized p -> scheduler.execute(() -> {
                openDoor();
                green.pulse(config.greenOn());
            });
            case AttendanceEvent.StrangerSeen s -> scheduler.execute(this::warn);
            case AttendanceEvent.SpoofSuspected s -> scheduler.execute(this::warn);
        }
    }

    /** Pulses the door relay once for its configured time, as a recognised person would ("Test relay"). */
    public void testRelay() {
        scheduler.execute(this::openDoor);
    }

    private void openDoor() {
        door.pulse(config.doorPulse());
        doorOpened.accept(System.nanoTime());
    }

    private void warn() {
        red.pulse(config.redOn());
        buzzer.pattern(config.buzzerPattern());
    }

    /** Switches every output off and releases the pins (and Pi4J, when this object created it). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TimedOutput o : new TimedOutput[] {door, green, red, buzzer}) {
            o.reset();
        }
        if (ownsContext) {
            pi4j.shutdown();
        }
    }

    private DigitalOutput output(String id, String name, int pin, boolean activeLow) {
        DigitalState off = activeLow ? DigitalState.HIGH : DigitalState.LOW;
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(name).address(pin)
                .initial(off).shutdown(off).build());
    }
}
