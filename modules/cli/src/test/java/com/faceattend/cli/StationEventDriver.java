package com.faceattend.cli;

import com.faceattend.alerts.StationAlerts;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import com.faceattend.suite.StationJournal;
import com.faceattend.suite.SuiteServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * The fault tests' station process (issue 13): pushes synthetic decisions through the same
 * journal → forwarder → central store chain {@code faceattend run} builds for a station on a server
 * ({@link StationJournal} with the station's {@link StationAlerts}), without camera or models.
 * Every 10th event is a stranger sighting (with an embedding), every 25th a suspected spoof, the rest
 * recognised passes of employees E0..E3. It produces until its journal holds {@code events} events
 * (so a restarted process continues where the killed one stopped), waits for the backlog to drain,
 * and prints what happened on stdout, each line with the wall-clock milliseconds:
 * {@code READY <ms> journalled=N waiting=W}, {@code STATUS <ms> <text>}, {@code PRODUCED <ms>},
 * {@code COUNTS <ms> delivered=D replayed=R} (whenever they change), {@code DRAINED <ms> delivered=D replayed=R}.
 *
 * <p>Arguments: DATA_DIR DB_SERVER STATION EVENTS PAUSE_MS. The server password file in the keys
 * folder (as a station's); FaceAttend account, if any, from $FACEATTEND_USER and
 * $FACEATTEND_PASSWORD, as a station's.
 */
public final class StationEventDriver {
    static final int EMPLOYEES = 4;
    static final String MODEL = "fault-test-model";

    private StationEventDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String server = args[1];
        String station = args[2];
        int events = Integer.parseInt(args[3]);
        long pauseMillis = Long.parseLong(args[4]);
        Map<String, String> env = System.getenv();
        try (SuiteServices suite = new SuiteServices(data, server)) {
            suite.signIn(CliCredentials.resolve(null, null, env));
            StationAlerts alerts = suite.alerts().forStation();
            try (StationJournal journal = StationJournal.open(data, suite::store, alerts,
                    s -> say("STATUS " + System.currentTimeMillis() + " " + s))) {
                int already = journal.eventIds().size();
                say("READY " + System.currentTimeMillis() + " journalled=" + already + " waiting=" + journal.waitingEvents());
                Thread counts = new Thread(() -> reportCounts(journal), "driver-counts");
                counts.setDaemon(true);
                counts.start();
                Random random = new Random(station.hashCode() * 31L + already);
                for (int i = already; i < events; i++) {
                    journal.record(event(i, station, random));
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
                say("PRODUCED " + System.currentTimeMillis());
                boolean drained = journal.awaitDrained(Duration.ofMinutes(3));
                say((drained ? "DRAINED " : "NOT-DRAINED ") + System.currentTimeMillis() + " delivered=" + journal.deliveredCount()
                        + " replayed=" + journal.replayedCount());
                System.exit(drained ? 0 : 3);
            }
        }
    }

    /** What the forwarder did so far, whenever it changed: a killed process leaves its last line. */
    private static void reportCounts(StationJournal journal) {
        long last = -1;
        while (true) {
            long delivered = journal.deliveredCount();
            long replayed = journal.replayedCount();
            if (delivered + replayed != last) {
                last = delivered + replayed;
                say("COUNTS " + System.currentTimeMillis() + " delivered=" + delivered + " replayed=" + replayed);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static AttendanceEvent event(int i, String station, Random random) {
        Instant now = Instant.now();
        if (i % 10 == 9) {
            float[] v = new float[128];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) random.nextGaussian();
            }
            return new AttendanceEvent.StrangerSeen(now, station, 0.2f, Embedding.normalised(MODEL, v));
        }
        if (i % 25 == 12) {
            return new AttendanceEvent.SpoofSuspected(now, station, "E" + (i % EMPLOYEES), 0.1f);
        }
        return new AttendanceEvent.PersonRecognized(now, station, "E" + (i % EMPLOYEES), "Employee " + (i % EMPLOYEES),
                (i / EMPLOYEES) % 2 == 0 ? AttendanceEvent.Direction.IN : AttendanceEvent.Direction.OUT, 0.8f, Float.NaN);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
