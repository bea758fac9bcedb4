package com.faceattend.fleet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.Problem;
import com.faceattend.store.BootSecret;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreException;
import com.faceattend.store.TemplateToSave;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 in one process, on real Derby databases: a central store, a station's local copy and
 * the index it matches against. Changes committed centrally reach the index and the copy through
 * the change sequence; a deletion leaves no 16-byte run of the template in the copy's files (the
 * copy is plain here so the scan could find them: it does, before the deletion); with the central
 * store unreachable the station starts from its copy and says so, unless the copy was never filled.
 */
class GallerySyncTest {
    private static final String MODEL = "test-model@1";
    private static final int DIM = 64;

    @TempDir
    Path tmp;

    @Test
    void changesMadeCentrallyReachTheIndexAndTheCopyAndDeletionsLeaveNoBytes() throws Exception {
        List<String> status = new CopyOnWriteArrayList<>();
        float[] ann = vector(1);
        float[] bob = vector(2);
        try (DerbyAttendanceStore central = DerbyAttendanceStore.openEmbedded(tmp.resolve("central"));
                LocalGalleryCopy copy = LocalGalleryCopy.open(tmp.resolve("station-gallery"), BootSecret.none())) {
            central.enrol("ANN", "Ann", null, Instant.now(), List.of(template(ann)), "hr");
            GalleryIndex index = new GalleryIndex(MODEL, DIM);
            try (GallerySync sync = GallerySync.start(() -> central, copy, index, status::add, Duration.ofMillis(200))) {
                assertEquals(1, index.personCount(), "loaded at start");
                assertTrue(sync.awaitCopy(Duration.ofSeconds(60)));
                assertEquals(1, copy.templates(MODEL).size(), "and written to the local copy");

                long t0 = System.nanoTime();
                central.enrol("BOB", "Bob", null, Instant.now(), List.of(template(bob)), "hr");
                assertTrue(within(5, () -> index.personCount() == 2 && sync.appliedChange() == 2), "an enrolment reaches the running index");
                assertTrue(sync.awaitCopy(Duration.ofSeconds(60)));
                assertEquals(2, copy.templates(MODEL).size(), "and the local copy");
                long enrolMillis = (System.nanoTime() - t0) / 1_000_000;

                assertFalse(filesWithAnyRun(copy.folder(), bytes(ann), 16).isEmpty(), "control: the plain copy holds Ann's bytes");
                t0 = System.nanoTime();
                central.deleteEmployee("ANN", "dpo");
                assertTrue(within(5, () -> index.personCount() == 1 && index.search(new Embedding(MODEL, ann), 1).stream()
                        .noneMatch(m -> m.personKey().equals("ANN")) && sync.appliedChange() == 3), "a deletion stops recognition");
                long deleteMillis = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(sync.awaitCopy(Duration.ofSeconds(60)), "the copy's erasure, wipe included, finishes");
                assertEquals(1, copy.templates(MODEL).size(), "and erases the copy");
                assertEquals(List.of(), filesWithAnyRun(copy.folder(), bytes(ann), 16), "no 16-byte run of the deleted template");
                assertFalse(filesWithAnyRun(copy.folder(), bytes(bob), 16).isEmpty(), "Bob is still there");

                central.setActive("BOB", false, "hr");
                assertTrue(within(5, () -> index.personCount() == 0 && sync.appliedChange() == 4), "a deactivation stops recognition");
                assertTrue(sync.awaitCopy(Duration.ofSeconds(60)));
                assertTrue(copy.templates(MODEL).isEmpty());
                assertTrue(sync.appliedChange() >= 4, "applied up to " + sync.appliedChange());
                assertTrue(sync.delays().count() >= 3 && sync.delays().max() <= 5_000, "delays " + sync.delays().max());
                System.out.printf("GallerySyncTest: enrolment reached the index in %d ms, deletion in %d ms; median %d ms, max %d ms%n",
                        enrolMillis, deleteMillis, sync.delays().median(), sync.delays().max());
            }
        }
        assertTrue(status.stream().anyMatch(s -> s.contains("EMPLOYEE_DELETED ANN")), status.toString());
    }

    /**
     * With the central store unreachable the station starts from its copy and says so. A new
     * station's copy, never filled, is no gallery: it says so instead (a refused sign-in stays what
     * it is); once filled from the central store, even with nobody enrolled, the copy is one.
     */
    @Test
    void withTheCentralStoreUnreachableTheStationStartsFromItsCopyAndSaysSoUnlessItNeverHadOne() throws Exception {
        List<String> status = new CopyOnWriteArrayList<>();
        StoreException unreachable = new StoreException("no Derby network server answers at 192.0.2.1:1527", "Start it.");
        try (DerbyAttendanceStore central = DerbyAttendanceStore.openEmbedded(tmp.resolve("central"));
                LocalGalleryCopy copy = LocalGalleryCopy.open(tmp.resolve("station-gallery"), BootSecret.none())) {
            StoreException noCopy = assertThrows(StoreException.class, () -> GallerySync.start(() -> {
                throw unreachable;
            }, copy, new GalleryIndex(MODEL, DIM), status::add, Duration.ofMillis(200)));
            assertEquals(Problem.Kind.STORE_UNAVAILABLE, noCopy.kind());
            assertEquals("the central store is unreachable (no Derby network server answers at 192.0.2.1:1527) "
                    + "and this station has no copy of the gallery yet", noCopy.problem());
            assertTrue(noCopy.fix().startsWith("Start the station once while the central store is reachable"), noCopy.fix());
            StoreException refused = new StoreException(Problem.Kind.REFUSED, "the server refused the station's account", "Check it.");
            assertSame(refused, assertThrows(StoreException.class, () -> GallerySync.start(() -> {
                throw refused;
            }, copy, new GalleryIndex(MODEL, DIM), status::add, Duration.ofMillis(200))));
            assertEquals(List.of(), status, "nothing said about a local copy that is not there");

            try (GallerySync empty = GallerySync.start(() -> central, copy, new GalleryIndex(MODEL, DIM), status::add, Duration.ofMillis(200))) {
                assertTrue(empty.awaitCopy(Duration.ofSeconds(60)), "the central gallery, nobody enrolled yet, copied");
            }
            GalleryIndex none = new GalleryIndex(MODEL, DIM);
            GallerySync.start(() -> {
                throw unreachable;
            }, copy, none, status::add, Duration.ofMillis(200)).close();
            assertEquals(0, none.personCount(), "started from the copy: nobody to recognise, and no refusal");

            central.enrol("ANN", "Ann", null, Instant.now(), List.of(template(vector(1))), "hr");
            try (GallerySync first = GallerySync.start(() -> central, copy, new GalleryIndex(MODEL, DIM), status::add, Duration.ofMillis(200))) {
                assertTrue(first.awaitCopy(Duration.ofSeconds(60)));
                assertEquals(1, copy.templates(MODEL).size());
            }
            GalleryIndex index = new GalleryIndex(MODEL, DIM);
            try (GallerySync offline = GallerySync.start(() -> {
                throw unreachable;
            }, copy, index, status::add, Duration.ofMillis(200))) {
                assertEquals(1, index.personCount(), "recognises from the local copy");
                assertEquals(-1, offline.appliedChange());
            }
        }
        assertTrue(status.stream().anyMatch(s -> s.startsWith("central store unreachable") && s.contains("0 people")), status.toString());
        assertTrue(status.stream().anyMatch(s -> s.startsWith("central store unreachable") && s.contains("local copy of the gallery, 1 people")),
                status.toString());
    }

    private static boolean within(int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static float[] vector(long seed) {
        Random r = new Random(seed);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static TemplateToSave template(float[] v) {
        return new TemplateToSave(new Embedding(MODEL, v), 1f);
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    /** Files under {@code root} holding any 16-byte stretch of {@code secret}, in either byte order. */
    private static List<String> filesWithAnyRun(Path root, byte[] secret, int run) throws IOException {
        byte[] big = new byte[secret.length];
        for (int i = 0; i + 4 <= secret.length; i += 4) {
            for (int k = 0; k < 4; k++) {
                big[i + k] = secret[i + 3 - k];
            }
        }
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(p);
                search:
                for (byte[] s : List.of(secret, big)) {
                    for (int from = 0; from + run <= s.length; from += 4) {
                        if (indexOf(hay, Arrays.copyOfRange(s, from, from + run)) >= 0) {
                            hits.add(root.relativize(p).toString());
                            break search;
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
