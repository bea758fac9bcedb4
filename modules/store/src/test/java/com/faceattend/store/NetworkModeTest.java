package com.faceattend.store;

import static com.faceattend.store.StoreTestSupport.MODEL;
import static com.faceattend.store.StoreTestSupport.addConsented;
import static com.faceattend.store.StoreTestSupport.distinctive;
import static com.faceattend.store.StoreTestSupport.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.faceattend.spi.AttendanceEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.apache.derby.drda.NetworkServerControl;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stations sharing one database through a Derby network server (Derby's own, by nature). */
class NetworkModeTest {
    @TempDir
    Path tmp;

    @Test
    void twoStationsShareADatabaseThroughTheNetworkServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        NetworkServerControl server = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        StringWriter serverLog = new StringWriter();
        server.start(new PrintWriter(serverLog, true));
        String dbName = tmp.resolve("shared-db").toString();
        try {
            waitUntilUp(server);
            float[] v = distinctive(128, 5f);
            Instant t = Instant.parse("2025-07-01T06:59:59.5Z");
            try (DerbyAttendanceStore stationA = DerbyAttendanceStore.openNetwork("127.0.0.1", port, dbName)) {
                assertNull(stationA.databaseDir());
                addConsented(stationA, "E1");
                stationA.addTemplates("E1", List.of(template(MODEL, v, 0.5f)), "enrol-desk");
                stationA.recordAttendance(new AttendanceEvent.PersonRecognized(t, "gate-a", "E1", "x",
                        AttendanceEvent.Direction.IN, 0.8f, 0.95f));

                // a second station connects while the first is still open (no embedded lock in the way)
                try (DerbyAttendanceStore stationB = DerbyAttendanceStore.openNetwork("127.0.0.1", port, dbName)) {
                    assertArrayEquals(v, stationB.loadTemplates(MODEL).get(0).vector());
                    stationB.recordAttendance(new AttendanceEvent.PersonRecognized(t.plusSeconds(30), "gate-b", "E1", "x",
                            AttendanceEvent.Direction.OUT, 0.8f, 0.95f));
                }
                List<AttendanceRecord> both = stationA.listAttendance(t, t.plusSeconds(60), "E1");
                assertEquals(List.of("gate-a", "gate-b"), both.stream().map(AttendanceRecord::station).toList());
                assertEquals(t, both.get(0).time());
                assertEquals(AttendanceEvent.Direction.OUT, stationA.lastAttendance("E1", t).orElseThrow().direction());

                stationA.deleteEmployee("E1", "dpo"); // compaction and log rotation work over the network too
                assertEquals(0, stationA.countAttendance());
            }
        } finally {
            server.shutdown();
            shutDownEmbedded(dbName); // the server booted it inside this JVM
        }
    }

    private static void waitUntilUp(NetworkServerControl server) throws Exception {
        for (int i = 0; ; i++) {
            try {
                server.ping();
                return;
            } catch (Exception notYet) {
                if (i > 100) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void shutDownEmbedded(String dbName) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dbName);
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // 08006 when it was booted, XJ004-like when it was not: either way it is down
        }
    }
}
