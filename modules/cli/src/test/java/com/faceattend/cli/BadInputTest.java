package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the input is wrong: a named problem, a fix, an exit code, no stack trace, nothing half-saved. */
class BadInputTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void enrolOnePerson() {
        Cli.enrolAlex(data);
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "no stack trace: " + r);
        assertFalse(r.err().contains("Exception"), "no exception names: " + r);
    }

    @Test
    void aCorruptImageIsNamedWithAFix(@TempDir Path tmp) throws Exception {
        Path corrupt = tmp.resolve("broken.jpg");
        byte[] jpeg = Files.readAllBytes(Cli.data().resolve("faces94/unknown_not_enrolled/single_m/m.jpg"));
        Files.write(corrupt, java.util.Arrays.copyOf(jpeg, 40)); // a truncated download
        Cli.Result r = Cli.run(data, "identify", corrupt.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.out().contains("broken.jpg"), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void enrolmentTakesNoTemplateFromAPhotoWithTwoPeople() {
        Path two = Cli.data().resolve("video-and-small/misc/two_people.jpg");
        Cli.Result r = Cli.run(data, "enroll", "--code", "DUO", "--name", "Two People", "--consent", "--quiet", two.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.out().contains("several faces were found"), r.toString());
        assertTrue(r.out().contains("only this person"), r.toString());
        assertFalse(Cli.run(data, "employees", "list").out().contains("DUO"), "nothing was saved for the rejected person");
    }

    @Test
    void enrolmentRejectsAPhotoWithoutAFaceAndKeepsTheGoodOnes() {
        Path dogs = Cli.data().resolve("detection/dlib/dogs.jpg");
        Path good = Cli.data().resolve("video-and-small/video/ref_lin_manuel_miranda.png");
        Cli.Result r = Cli.run(data, "enroll", "--code", "LIN", "--name", "Lin-Manuel Miranda", "--consent", "--quiet",
                good.toString(), dogs.toString());
        assertEquals(ExitCode.PARTIAL, r.exitCode(), r.toString());
        assertTrue(r.out().contains("dogs.jpg: no face was found"), r.toString());
        assertTrue(r.out().contains("1 photo(s) enrolled"), r.toString());
    }

    @Test
    void enrolmentWithoutConsentIsRefused() {
        Path ref = Cli.data().resolve("video-and-small/video/ref_lin_manuel_miranda.png");
        Cli.Result r = Cli.run(data, "enroll", "--code", "NOCONSENT", "--name", "No Consent", ref.toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--consent"), r.toString());
    }

    @Test
    void anUnknownEmployeeCodeIsNamed() {
        Cli.Result r = Cli.run(data, "employees", "delete", "NOBODY", "--yes");
        assertEquals(ExitCode.NOT_FOUND, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no employee with code 'NOBODY'"), r.toString());
        assertTrue(r.err().contains("employees list"), r.toString());
    }

    @Test
    void aMissingVideoFileIsASourceError() {
        Cli.Result r = Cli.run(data, "run", "--source", "/nonexistent/clip.mp4", "--station", "Door");
        assertEquals(ExitCode.SOURCE_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("clip.mp4"), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void aMissingCameraIsASourceErrorWhenReconnectsAreExhausted() {
        Cli.Result r = Cli.run(data, "run", "--source", "7", "--station", "Door", "--max-reconnects", "0");
        assertEquals(ExitCode.SOURCE_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().toLowerCase().contains("camera"), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void verifyTellsSameFromDifferentByExitCode() {
        Path lfw = Cli.data().resolve("lfw-dev/images");
        Cli.Result same = Cli.run(data, "verify", "--json", lfw.resolve("Aaron_Sorkin/Aaron_Sorkin_0001.jpg").toString(),
                lfw.resolve("Aaron_Sorkin/Aaron_Sorkin_0002.jpg").toString());
        assertEquals(ExitCode.OK, same.exitCode(), same.toString());
        assertTrue(same.json().get("samePerson").asBoolean());
        Cli.Result different = Cli.run(data, "verify", Cli.data().resolve("video-and-small/video/ref_alex_lacamoire.png").toString(),
                Cli.data().resolve("video-and-small/video/ref_lin_manuel_miranda.png").toString());
        assertEquals(ExitCode.DIFFERENT_PERSON, different.exitCode(), different.toString());
    }
}
