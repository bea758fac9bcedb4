package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonFoldersTest {
    @Test
    void naturalOrder() {
        List<String> names = new ArrayList<>(List.of("10.pgm", "s10", "2.pgm", "s2", "S1", "s1", "1.pgm",
                "img007.jpg", "img7.jpg", "img10.jpg", "b", "A", "x", "x1", "x.1"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("1.pgm", "2.pgm", "10.pgm", "A", "b", "img007.jpg", "img7.jpg", "img10.jpg",
                "S1", "s1", "s2", "s10", "x", "x.1", "x1"), names);
        assertTrue(NaturalOrder.INSTANCE.compare("a99999999999999999999", "a100000000000000000000") < 0);
        assertEquals(0, NaturalOrder.INSTANCE.compare("s1", "s1"));
    }

    @Test
    void scansPeopleSkippingHiddenEmptyAndNonImages(@TempDir Path dir) throws IOException {
        touch(dir.resolve("p10/2.JPG"));
        touch(dir.resolve("p10/10.png"));
        touch(dir.resolve("p10/notes.txt"));
        touch(dir.resolve("p10/.hidden.jpg"));
        touch(dir.resolve("p10/noext"));
        Files.createDirectories(dir.resolve("p10/sub.jpg")); // a folder, not a photo
        touch(dir.resolve("p2/a.webp"));
        touch(dir.resolve("p2/b.TIFF"));
        Files.createDirectories(dir.resolve("p3"));
        touch(dir.resolve("p3/readme.md"));
        touch(dir.resolve(".git/x.jpg"));
        touch(dir.resolve("top.jpg")); // not in a person folder
        PersonFolders f = PersonFolders.scan(dir);
        assertEquals(List.of("p2", "p10"), f.people().stream().map(PersonFolders.Person::name).toList());
        assertEquals(List.of("p3"), f.emptyFolders());
        assertEquals(List.of(dir.resolve("p10/2.JPG"), dir.resolve("p10/10.png")), f.person("p10").images());
        assertEquals(4, f.imageCount());
        assertNull(f.person("p3"));
        assertThrows(IOException.class, () -> PersonFolders.scan(dir.resolve("top.jpg")));
    }

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void protocolsOnASmallFolder(@TempDir Path dir) throws IOException {
        // a: 3 photos, b: 1, c: 2, d: 4
        for (String s : List.of("a/1.jpg", "a/2.jpg", "a/10.jpg", "b/1.jpg", "c/1.jpg", "c/2.jpg",
                "d/1.jpg", "d/2.jpg", "d/3.jpg", "d/4.jpg")) {
            touch(dir.resolve(s));
        }
        PersonFolders f = PersonFolders.scan(dir);
        IdentificationProtocol.Split closed = IdentificationProtocol.enrolFirst(f, 2);
        assertEquals(List.of(dir.resolve("a/1.jpg"), dir.resolve("a/2.jpg")), closed.enrolments().get(0).images());
        assertEquals(List.of(dir.resolve("b/1.jpg")), closed.enrolments().get(1).images());
        assertEquals(List.of("b", "c"), closed.enrolledWithoutProbes());
        assertEquals(List.of(new IdentificationProtocol.Probe(dir.resolve("a/10.jpg"), "a"),
                new IdentificationProtocol.Probe(dir.resolve("d/3.jpg"), "d"),
                new IdentificationProtocol.Probe(dir.resolve("d/4.jpg"), "d")), closed.probes());
        assertEquals(3, closed.knownProbeCount());
        assertTrue(closed.strangers().isEmpty());

        // open set, person-disjoint: of a, c, d (more than 1 photo) a and d are enrolled, c is a stranger;
        // b (one photo, nothing to probe with) is a stranger too
        IdentificationProtocol.Split open = IdentificationProtocol.openSet(f, 1);
        assertEquals(List.of("a", "d"), open.enrolments().stream().map(IdentificationProtocol.Enrolment::name).toList());
        assertEquals(List.of("b", "c"), open.strangers());
        assertEquals(5, open.knownProbeCount()); // a/2, a/10, d/2..4
        assertEquals(3, open.strangerProbeCount()); // b/1, c/1, c/2
        assertTrue(open.enrolledWithoutProbes().isEmpty());
        assertEquals("a", open.probes().get(0).label());
        assertEquals("d", open.probes().get(4).label());
        assertTrue(open.probes().get(5).stranger());
        assertThrows(IllegalArgumentException.class, () -> IdentificationProtocol.enrolFirst(f, 0));
        assertThrows(IllegalArgumentException.class, () -> open.withStrangers(f)); // a is enrolled
    }

    @Test
    void faces94Identities() throws IOException {
        Path faces94 = TestData.require("faces94");
        PersonFolders f = PersonFolders.scan(faces94.resolve("identities"));
        assertEquals(18, f.people().size());
        assertTrue(f.people().stream().allMatch(p -> p.images().size() == 20), "20 photos each");
        assertEquals(360, f.imageCount());
        assertTrue(f.emptyFolders().isEmpty());
        List<String> names = f.people().stream().map(PersonFolders.Person::name).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(NaturalOrder.INSTANCE);
        assertEquals(sorted, names);
        assertEquals(List.of("anpage.1.jpg", "anpage.2.jpg", "anpage.3.jpg"), f.person("anpage").images()
                .subList(0, 3).stream().map(p -> p.getFileName().toString()).toList());

        IdentificationProtocol.Split closed = IdentificationProtocol.enrolFirst(f, 5);
        assertEquals(18, closed.enrolments().size());
        assertEquals(18 * 15, closed.knownProbeCount());
        assertTrue(closed.enrolledWithoutProbes().isEmpty());

        IdentificationProtocol.Split open = IdentificationProtocol.openSet(f, 5);
        assertEquals(9, open.enrolments().size());
        assertEquals(9, open.strangers().size());
        assertEquals(9 * 15, open.knownProbeCount());
        assertEquals(9 * 20, open.strangerProbeCount());

        PersonFolders unknown = PersonFolders.scan(faces94.resolve("unknown_not_enrolled"));
        IdentificationProtocol.Split more = open.withStrangers(unknown);
        assertEquals(9 * 20 + unknown.imageCount(), more.strangerProbeCount());
        assertEquals(9 + unknown.people().size(), more.strangers().size());
    }

    @Test
    void attNaturalOrder() throws IOException {
        PersonFolders f = PersonFolders.scan(TestData.require("att"));
        assertEquals(40, f.people().size()); // README and SOURCE.txt at the top are not people
        assertEquals(List.of("s1", "s2", "s3"), f.people().subList(0, 3).stream()
                .map(PersonFolders.Person::name).toList());
        assertEquals("s40", f.people().get(39).name());
        assertEquals(List.of("1.pgm", "2.pgm", "3.pgm", "4.pgm", "5.pgm", "6.pgm", "7.pgm", "8.pgm", "9.pgm",
                "10.pgm"), f.person("s1").images().stream().map(p -> p.getFileName().toString()).toList());

        IdentificationProtocol.Split k3 = IdentificationProtocol.enrolFirst(f, 3);
        assertEquals(List.of("1.pgm", "2.pgm", "3.pgm"), k3.enrolments().get(0).images().stream()
                .map(p -> p.getFileName().toString()).toList());
        assertEquals(40 * 7, k3.knownProbeCount());
        assertEquals("4.pgm", k3.probes().get(0).image().getFileName().toString());
        IdentificationProtocol.Split k10 = IdentificationProtocol.enrolFirst(f, 10);
        assertEquals(40, k10.enrolledWithoutProbes().size());
        assertEquals(0, k10.probes().size());
    }
}
