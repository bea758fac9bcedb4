package com.faceattend.spi.contract;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every {@link AttendanceListenerProvider} must do: name itself completely, create a listener
 * (or refuse with a {@link Problem} naming the option to set), and take each kind of event on the
 * station's thread without throwing and without holding the station up (a hang guard: 2 s each).
 *
 * @since 1.0.0
 */
public final class ListenerContract {
    static final Duration EVENT_LIMIT = Duration.ofSeconds(2);

    private ListenerContract() {
    }

    /**
     * @param settings what the station would give it (include {@link AttendanceListenerProvider#DATA_FOLDER_OPTION})
     * @return true when the listener was created and took every event; false when it refused to
     *         start with a clear problem (missing configuration), which is allowed
     */
    public static boolean verify(AttendanceListenerProvider provider, ProviderSettings settings) {
        String id = InfoContract.verify(provider.info());
        AttendanceListener listener;
        try {
            listener = Bounded.call(id, "create()", Duration.ofSeconds(5), () -> provider.create(settings));
        } catch (Problem refused) {
            Check.that(!refused.fix().isBlank(), id, "a refusal to start must say how to fix it: " + refused.getMessage());
            return false;
        }
        Check.that(listener != null, id, "create() must not return null");
        try {
            Instant now = Instant.parse("2026-01-05T08:00:00Z");
            List<AttendanceEvent> events = List.of(
                    new AttendanceEvent.PersonRecognized(now, "contract-check", "E-0001", "Contract Check",
                            AttendanceEvent.Direction.IN, 0.8f, 0.9f),
                    new AttendanceEvent.StrangerSeen(now.plusSeconds(1), "contract-check", 0.2f,
                            Embedding.normalised("contract-check", new float[] {1, 2, 3})),
                    new AttendanceEvent.SpoofSuspected(now.plusSeconds(2), "contract-check", "E-0001", 0.1f));
            for (AttendanceEvent event : events) {
                String what = "onEvent(" + event.getClass().getSimpleName() + ")";
                try {
                    Bounded.call(id, what + " (hand slow work to your own thread)", EVENT_LIMIT, () -> {
                        listener.onEvent(event);
                        return null;
                    });
                } catch (RuntimeException thrown) {
                    throw new AssertionError(id + " breaks the contract: " + what + " threw " + thrown
                            + " (keep what cannot be delivered now and retry later; never throw at the station)", thrown);
                }
            }
        } finally {
            if (listener instanceof AutoCloseable closeable) {
                Bounded.call(id, "close()", Duration.ofSeconds(10), () -> {
                    closeable.close();
                    return null;
                });
            }
        }
        return true;
    }
}
