package com.faceattend.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Listeners that keep, refuse, throw and hang: each is judged as a station would need. */
class ListenerContractTest {
    private static AttendanceListenerProvider provider(AttendanceListener listener) {
        return new AttendanceListenerProvider() {
            @Override
            public ProviderInfo info() {
                return new ProviderInfo("trivial", "1.0", "Trivial", "none", "FaceAttend tests");
            }

            @Override
            public AttendanceListener create(ProviderSettings settings) {
                if (listener == null) {
                    throw new ProviderException(Problem.Kind.BAD_VALUE, "no url", "set url in plugins/trivial.properties");
                }
                return listener;
            }
        };
    }

    @Test
    void aListenerThatTakesEveryEventKindPasses() {
        List<AttendanceEvent> seen = new ArrayList<>();
        assertTrue(ListenerContract.verify(provider(seen::add), ProviderSettings.defaults()));
        assertEquals(3, seen.size());
    }

    @Test
    void aClearRefusalToStartIsAllowed() {
        assertFalse(ListenerContract.verify(provider(null), ProviderSettings.defaults()));
    }

    @Test
    void aThrowingListenerIsNamed() {
        AssertionError e = assertThrows(AssertionError.class, () -> ListenerContract.verify(provider(event -> {
            throw new IllegalStateException("boom");
        }), ProviderSettings.defaults()));
        assertTrue(e.getMessage().contains("trivial"), e.getMessage());
    }

    @Test
    void aHangingListenerIsNamedAndTheCheckReturns() {
        CountDownLatch never = new CountDownLatch(1);
        AssertionError e = assertThrows(AssertionError.class, () -> ListenerContract.verify(provider(event -> {
            try {
                never.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }), ProviderSettings.defaults()));
        assertTrue(e.getMessage().startsWith("trivial breaks the contract: onEvent(PersonRecognized)"), e.getMessage());
        assertTrue(e.getMessage().contains("did not return within"), e.getMessage());
    }
}
