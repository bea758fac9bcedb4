package com.faceattend.engine.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a listener plugin that throws, hangs or refuses to start is isolated; the station's
 * thread is never held up, the good plugin still gets every event, and each bad one is named.
 */
class PluginListenersTest {
    private static AttendanceListenerProvider plugin(String id, AttendanceListener listener) {
        return new AttendanceListenerProvider() {
            @Override
            public ProviderInfo info() {
                return new ProviderInfo(id, "1.0.0", id, "none", "tests");
            }

            @Override
            public AttendanceListener create(ProviderSettings settings) {
                if (listener == null) {
                    throw new ProviderException(Problem.Kind.BAD_VALUE, id + " has no url", "set url in plugins/" + id + ".properties");
                }
                return listener;
            }
        };
    }

    private static AttendanceEvent event(int i) {
        return new AttendanceEvent.SpoofSuspected(Instant.EPOCH.plusSeconds(i), "gate", "E" + i, 0.1f);
    }

    @Test
    void throwingHangingAndRefusingPluginsAreIsolatedAndNamed() throws InterruptedException {
        List<String> status = new CopyOnWriteArrayList<>();
        CountDownLatch throwerNamed = new CountDownLatch(1);
        CountDownLatch goodGotAll = new CountDownLatch(5);
        CountDownLatch hangerEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<AttendanceEvent> good = new CopyOnWriteArrayList<>();
        try (PluginListeners listeners = PluginListeners.open(List.of(
                plugin("thrower", e -> {
                    throw new IllegalStateException("payroll down");
                }),
                plugin("hanger", e -> {
                    hangerEntered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                }),
                plugin("unconfigured", null),
                plugin("good", e -> {
                    good.add(e);
                    goodGotAll.countDown();
                })), id -> ProviderSettings.defaults(), line -> {
                    status.add(line);
                    if (line.startsWith("plugin thrower failed on an event") && line.contains("payroll down")) {
                        throwerNamed.countDown();
                    }
                })) {
            assertEquals(3, listeners.listeners().size(), "the unconfigured plugin is left out");
            assertTrue(status.stream().anyMatch(s -> s.startsWith("plugin unconfigured not started") && s.contains("has no url")), status.toString());
            for (int i = 0; i < 5; i++) {
                for (AttendanceListener l : listeners.listeners()) {
                    l.onEvent(event(i)); // the station's thread: returns although "hanger" never does
                }
            }
            assertTrue(goodGotAll.await(10, TimeUnit.SECONDS), "the good plugin got every event");
            assertTrue(hangerEntered.await(10, TimeUnit.SECONDS));
            assertEquals(List.of(event(0), event(1), event(2), event(3), event(4)), good);
            assertTrue(throwerNamed.await(10, TimeUnit.SECONDS), "the throwing plugin is named: " + status);
            release.countDown();
        }
    }

    @Test
    void aHungPluginsQueueIsBoundedAndItIsNamed() throws InterruptedException {
        List<String> status = new CopyOnWriteArrayList<>();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IsolatedListener hung = new IsolatedListener("stuck", e -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, status::add);
        hung.onEvent(event(0));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= IsolatedListener.QUEUE + 3; i++) {
            hung.onEvent(event(i));
        }
        assertEquals(3, hung.dropped());
        assertTrue(status.get(0).startsWith("plugin stuck is not taking events"), status.toString());
        hung.close(0); // does not wait for the hung plugin
        assertTrue(status.stream().anyMatch(s -> s.startsWith("plugin stuck did not finish its events")), status.toString());
        release.countDown();
    }

    /**
     * Built-in outputs are listeners from the same registry: an opt-in one (GPIO) is not started where
     * the station's settings leave it out, and one the station requires stops it when it cannot start.
     */
    @Test
    void optInListenersStartOnlyWhenAskedAndARequiredOneThatFailsStopsTheStation() {
        List<String> status = new CopyOnWriteArrayList<>();
        List<AttendanceEvent> door = new CopyOnWriteArrayList<>();
        var providers = List.of(plugin("door", door::add), plugin("hook", e -> { }));
        try (PluginListeners off = PluginListeners.open(providers, id -> id.equals("door") ? null : ProviderSettings.defaults(),
                Set.of(), status::add)) {
            assertEquals(1, off.listeners().size(), "the door is left out without being asked for");
            assertTrue(status.stream().noneMatch(s -> s.contains("door")), "and nothing is said about it: " + status);
        }
        try (PluginListeners on = PluginListeners.open(providers, id -> ProviderSettings.defaults(), Set.of("door"), status::add)) {
            assertEquals(2, on.listeners().size());
        }
        Problem broken = assertThrows(Problem.class, () -> PluginListeners.open(List.of(plugin("door", null), plugin("hook", e -> { })),
                id -> ProviderSettings.defaults(), Set.of("door"), status::add));
        assertTrue(broken.getMessage().contains("door has no url"), broken.getMessage());
        Problem absent = assertThrows(Problem.class, () -> PluginListeners.open(List.of(plugin("hook", e -> { })),
                id -> ProviderSettings.defaults(), Set.of("door"), status::add));
        assertEquals(Problem.Kind.NOT_FOUND, absent.kind());
    }

    /** A listener that cannot start is reported with its id and problem, for the station to word; the others still start. */
    @Test
    void aListenerThatCannotStartIsReportedWithItsIdAndProblem() {
        List<String> status = new CopyOnWriteArrayList<>();
        List<ListenerNotStarted> left = new CopyOnWriteArrayList<>();
        try (PluginListeners open = PluginListeners.open(List.of(plugin("door", null), plugin("hook", e -> { })),
                id -> ProviderSettings.defaults(), Set.of(), status::add, left::add)) {
            assertEquals(1, open.listeners().size(), "the hook starts");
        }
        assertEquals(1, left.size(), left.toString());
        assertEquals("door", left.get(0).providerId());
        assertEquals(Problem.Kind.BAD_VALUE, left.get(0).problem().kind());
        assertEquals("set url in plugins/door.properties", left.get(0).problem().fix());
        assertTrue(status.stream().noneMatch(s -> s.contains("door")), "said once, by the station: " + status);
        assertEquals("plugin door not started: " + left.get(0).problem().sentence(), left.get(0).statusLine());
    }
}
