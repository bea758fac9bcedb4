package com.faceattend.gpio;

import com.faceattend.spi.AttendanceEvent;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark main (not a test): latency from the station's decision (the {@code onEvent} call) to the
 * door relay being switched on, and how long {@code onEvent} holds the station thread, on Pi4J's
 * mock platform. On a Pi the gpiod write adds its own few microseconds.
 * Usage: see modules/gpio/README.md ("Latency").
 */
public final class GpioLatencyBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = rounds / 4;
        Context pi4j = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();
        GpioConfig config = new GpioConfig(17, false, Duration.ofMillis(1), 27, Duration.ofMillis(1), 22, Duration.ofMillis(1),
                23, new long[] {1}, -1, Duration.ofMillis(5));
        BlockingQueue<Long> opened = new ArrayBlockingQueue<>(4);
        long[] toRelay = new long[rounds];
        long[] callerHeld = new long[rounds];
        AttendanceEvent event = new AttendanceEvent.PersonRecognized(Instant.now(), "bench", "E1", "Bench",
                AttendanceEvent.Direction.IN, 0.8f, 0.9f);
        try (GpioOutputs gpio = GpioOutputs.open(pi4j, config)) {
            gpio.onDoorOpened(opened::add);
            for (int i = -warmup; i < rounds; i++) {
                long decided = System.nanoTime();
                gpio.onEvent(event);
                long returned = System.nanoTime();
                Long on = opened.poll(1, TimeUnit.SECONDS);
                if (on == null) {
                    throw new IllegalStateException("relay never switched on");
                }
                if (i >= 0) {
                    toRelay[i] = on - decided;
                    callerHeld[i] = returned - decided;
                }
                Thread.sleep(2); // let the 1 ms pulse end, as between two real people
            }
        } finally {
            pi4j.shutdown();
        }
        report("decision -> relay on", toRelay);
        report("station thread held by onEvent", callerHeld);
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-32s n=%d  median %.1f us  p99 %.1f us  max %.1f us%n", what, s.length,
                s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3);
    }
}
