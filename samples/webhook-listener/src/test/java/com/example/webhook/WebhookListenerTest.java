package com.example.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.contract.ListenerContract;
import com.faceattend.spi.contract.SdkOnlyContract;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook against a real local HTTP server (the JDK's), stopped and started again mid-run. */
class WebhookListenerTest {
    /** What the receiving end got: every post, and the first body seen per idempotency key. */
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final Semaphore distinct = new Semaphore(0);
    private HttpServer server;

    private void startServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(key);
            if (byKey.putIfAbsent(key, body) == null) {
                distinct.release();
            } else {
                assertEquals(byKey.get(key), body, "a repeat of one key carries the same event");
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ProviderSettings settings(Path data) {
        return new ProviderSettings(1, Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                AttendanceListenerProvider.DATA_FOLDER_OPTION, data.toString(), "maxRetrySeconds", "1"));
    }

    private static AttendanceEvent event(int i) {
        return new AttendanceEvent.PersonRecognized(Instant.parse("2026-03-02T08:00:00Z").plusSeconds(i), "gate-1",
                "E-" + i, "Employee \"" + i + "\"", AttendanceEvent.Direction.IN, 0.71f, 0.93f);
    }

    @Test
    void everyEventArrivesExactlyOnceAcrossServerAndStationRestarts(@TempDir Path data) throws Exception {
        startServer(0);
        int port = server.getAddress().getPort();
        ProviderSettings settings = settings(data);
        Set<String> expected = new HashSet<>();
        WebhookListener first = (WebhookListener) new WebhookListenerProvider().create(settings);
        for (int i = 0; i < 5; i++) {
            first.onEvent(event(i));
            expected.add(EventJson.key(event(i)));
        }
        assertTrue(distinct.tryAcquire(5, 30, TimeUnit.SECONDS), "the first five arrive while the server is up");

        server.stop(0); // the payroll system goes down; the station carries on
        Set<String> owed = new HashSet<>();
        for (int i = 5; i < 10; i++) {
            first.onEvent(event(i));
            expected.add(EventJson.key(event(i)));
            owed.add(EventJson.key(event(i)));
        }
        first.close(); // and the station restarts too, with five events still owed
        Set<String> waiting = new HashSet<>();
        new Journal(data.resolve("pending")).pending().forEach(e -> waiting.add(e.key()));
        // (the last event taken before the stop may wait too, if its answer came after: it is sent again, same key)
        assertTrue(waiting.containsAll(owed), "the undelivered events wait on disk: " + waiting);

        AttendanceListener second = new WebhookListenerProvider().create(settings);
        for (int i = 10; i < 12; i++) {
            second.onEvent(event(i));
            expected.add(EventJson.key(event(i)));
        }
        startServer(port); // the endpoint is back on the same address
        assertTrue(distinct.tryAcquire(7, 60, TimeUnit.SECONDS), "the queued and the new events arrive once it is back");
        ((AutoCloseable) second).close();

        assertEquals(expected, byKey.keySet(), "every event arrived, under its own key");
        assertEquals(12, byKey.size());
        assertTrue(posts.size() >= 12, "retries may repeat a post whose answer was lost, never drop one");
        for (String body : byKey.values()) {
            assertTrue(body.startsWith("{\"idempotencyKey\":\""), body);
            assertTrue(body.contains("\"type\":\"attendance\"") && body.contains("\"station\":\"gate-1\""), body);
        }
        assertTrue(byKey.get(EventJson.key(event(3))).contains("\"employeeName\":\"Employee \\\"3\\\"\""), "quotes escaped");
    }

    @Test
    void aStrangersEmbeddingNeverLeavesTheStation() {
        String json = EventJson.of(new AttendanceEvent.StrangerSeen(Instant.EPOCH, "gate-1", 0.2f,
                Embedding.normalised("m", new float[] {0.6f, 0.8f})));
        assertEquals("{\"idempotencyKey\":\"" + EventJson.key(new AttendanceEvent.StrangerSeen(Instant.EPOCH, "gate-1", 0.2f,
                Embedding.normalised("m", new float[] {1, 0}))) + "\",\"type\":\"stranger\",\"time\":\"1970-01-01T00:00:00Z\","
                + "\"station\":\"gate-1\",\"bestSimilarity\":0.2}", json);
        assertFalse(json.contains("0.6"));
    }

    @Test
    void keepsTheListenerContractAndUsesOnlyTheSdk(@TempDir Path data) throws IOException {
        startServer(0);
        assertTrue(ListenerContract.verify(new WebhookListenerProvider(), settings(data)));
        assertFalse(ListenerContract.verify(new WebhookListenerProvider(), ProviderSettings.defaults()),
                "without a url it refuses to start, saying what to set");
        SdkOnlyContract.verify(Path.of("target/classes"), "com.example.webhook");
    }
}
