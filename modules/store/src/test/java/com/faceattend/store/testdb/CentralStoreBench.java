package com.faceattend.store.testdb;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.store.DerbyAttendanceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Events per second into the central store through the store API ({@code recordAttendance}, one
 * transaction each, as a station's forwarder writes), with 1, 4 and 16 concurrent writers
 * ("stations", each its own store object and connections, as separate processes would have), on
 * the Derby network server and on PostgreSQL, side by side in one run. Both servers run on this
 * machine; the Derby server in a child JVM, PostgreSQL as its own processes, both with their
 * default durability (every commit synced).
 *
 * <pre>
 * mvn -o -q -pl modules/store test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp modules/store/target/classes:modules/store/target/test-classes:$(cat modules/store/target/cp.txt) \
 *      com.faceattend.store.testdb.CentralStoreBench [SECONDS_PER_RUN]
 * </pre>
 */
public final class CentralStoreBench {
    private CentralStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path scratch = Files.createTempDirectory("central-bench");
        Process derby = startDerbyServer(scratch);
        try {
            int derbyPort = Integer.parseInt(System.getProperty("bench.derbyPort", "0"));
            String derbyUrl = "jdbc:derby://127.0.0.1:" + derbyPort + "/" + scratch.resolve("central");
            PostgresServer pg = PostgresServer.shared();
            String pgUrl = pg.newDatabase("bench");
            System.out.printf(Locale.ROOT, "%d cpus; %d s per run; one transaction per event%n",
                    Runtime.getRuntime().availableProcessors(), seconds);
            for (int writers : new int[] {1, 4, 16}) {
                // interleaved, so both engines see the same background load
                run("Derby network server", () -> DerbyAttendanceStore.openJdbc(derbyUrl, com.faceattend.store.StoreLogin.none()),
                        writers, seconds);
                run("PostgreSQL", () -> DerbyAttendanceStore.openJdbc(pgUrl, pg.login()), writers, seconds);
            }
        } finally {
            derby.destroy();
        }
    }

    private static Process startDerbyServer(Path scratch) throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        System.setProperty("bench.derbyPort", Integer.toString(port));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dderby.system.home=" + scratch,
                "org.apache.derby.drda.NetworkServerControl", "start", "-h", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(scratch.resolve("derby-server.out").toFile()).start();
        for (int i = 0; i < 200; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return p;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the Derby network server did not start");
    }

    private static void run(String engine, java.util.function.Supplier<DerbyAttendanceStore> open, int writers,
                            int seconds) throws Exception {
        List<DerbyAttendanceStore> stores = new ArrayList<>();
        try {
            try (DerbyAttendanceStore setup = open.get()) {
                for (int w = 0; w < 16; w++) {
                    if (setup.findEmployee("B" + w).isEmpty()) {
                        setup.addEmployee("B" + w, "Bench " + w, "Bench", Instant.parse("2025-01-01T00:00:00Z"));
                    }
                }
            }
            for (int w = 0; w < writers; w++) {
                stores.add(open.get());
            }
            long before;
            try (DerbyAttendanceStore s = open.get()) {
                before = s.countAttendance();
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                DerbyAttendanceStore store = stores.get(w);
                String code = "B" + w;
                String station = "door " + w;
                done.add(pool.submit(() -> {
                    int n = 0;
                    Instant t = Instant.parse("2025-06-01T06:00:00Z");
                    while (System.nanoTime() < end) {
                        store.recordAttendance(new AttendanceEvent.PersonRecognized(t.plusMillis(n), station, code, "x",
                                n % 2 == 0 ? AttendanceEvent.Direction.IN : AttendanceEvent.Direction.OUT, 0.8f, 0.97f));
                        n++;
                    }
                    return n;
                }));
            }
            long events = 0;
            for (Future<Integer> f : done) {
                events += f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            long after;
            try (DerbyAttendanceStore st = open.get()) {
                after = st.countAttendance();
            }
            System.out.printf(Locale.ROOT, "%-22s %2d writers: %,7d events in %5.1f s = %7.1f events/s (rows added %,d)%n",
                    engine, writers, events, s, events / s, after - before);
        } finally {
            stores.forEach(DerbyAttendanceStore::close);
        }
    }
}
