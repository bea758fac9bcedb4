package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.evaluation.PersonFolders;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2 acceptance: enrol 5 photos of each faces94 person through the real CLI into a real
 * Derby database, identify the other 15, and the 9 photos of people never enrolled.
 */
class Faces94IdentificationTest {

    @Test
    void enrolFiveIdentifyFifteenAndRejectStrangers(@TempDir Path tmp) throws Exception {
        PersonFolders people = PersonFolders.scan(Cli.data().resolve("faces94/identities"));
        Path enrolTree = tmp.resolve("enrol");
        List<String> probes = new ArrayList<>();
        Map<String, String> truth = new HashMap<>();
        for (PersonFolders.Person p : people.people()) {
            Path dir = Files.createDirectories(enrolTree.resolve(p.name()));
            for (int i = 0; i < p.images().size(); i++) {
                Path photo = p.images().get(i);
                if (i < 5) {
                    Files.createSymbolicLink(dir.resolve(photo.getFileName()), photo.toAbsolutePath());
                } else {
                    probes.add(photo.toString());
                    truth.put(photo.toString(), p.name());
                }
            }
        }
        Path data = tmp.resolve("data");
        Cli.Result enrol = Cli.run(data, "enroll", "--folder", enrolTree.toString(), "--consent", "--quiet");
        assertEquals(ExitCode.OK, enrol.exitCode(), enrol.toString());
        assertEquals(people.people().size(), Cli.run(data, "employees", "list", "--json").json().size());

        List<String> strangers = new ArrayList<>();
        PersonFolders.scan(Cli.data().resolve("faces94/unknown_not_enrolled")).people().forEach(p -> p.images().forEach(i -> strangers.add(i.toString())));
        assertEquals(9, strangers.size());
        List<String> args = new ArrayList<>(List.of("identify", "--json"));
        args.addAll(probes);
        args.addAll(strangers);
        Cli.Result id = Cli.run(data, args.toArray(String[]::new));
        assertEquals(ExitCode.OK, id.exitCode(), id.err());

        int correct = 0, wrongPerson = 0, strangersRejected = 0;
        for (JsonNode image : id.json().get("images")) {
            String file = image.get("image").asText();
            JsonNode face = image.get("faces").get(0);
            String named = face.get("known").asBoolean() ? face.get("employeeCode").asText() : null;
            if (truth.containsKey(file)) {
                if (truth.get(file).equals(named)) {
                    correct++;
                } else if (named != null) {
                    wrongPerson++;
                }
            } else if (named == null) {
                strangersRejected++;
            }
        }
        double rank1 = correct / (double) probes.size();
        System.out.printf("faces94: %d/%d probes named correctly (%.4f), %d called someone else, %d/9 strangers unknown%n",
                correct, probes.size(), rank1, wrongPerson, strangersRejected);
        assertTrue(rank1 >= 0.99, "rank-1 " + rank1);
        assertEquals(0, wrongPerson, "no enrolled probe may be called someone else");
        assertTrue(strangersRejected >= 8, strangersRejected + " of 9 strangers came back unknown");
    }
}
