package com.faceattend.comparison;

import com.faceattend.evaluation.IdentificationProtocol;
import com.faceattend.evaluation.PersonFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * faces94 attendance-style 1:N: the first {@value #ENROL} photos of each person are enrolled (as
 * {@code Faces94IdentificationTest} does), the others probe; the photos of people never enrolled are strangers.
 * <ul>
 *   <li><b>rank-1</b>: known probes whose best-scoring person (maximum similarity over that person's
 *       templates) is the right one / known probes; a probe without a face is a miss.</li>
 *   <li><b>unknown rejection</b>: each method is put at the threshold where 1 % of known probes would be
 *       turned away (the 1st percentile of their true-identity scores); the share of stranger photos whose best
 *       score falls below it (or have no face). One rule for every row, since cosine, Euclidean and chi-square
 *       scores have no common threshold.</li>
 *   <li><b>enrolment photos/s</b>: enrolment photos / seconds to decode each, find its face and make its
 *       template (LBPH: its histogram, which is what LBPH training stores).</li>
 * </ul>
 */
final class IdentificationBenchmark {
    static final int ENROL = 5;
    static final double KNOWN_REJECTED = 0.01;

    record Score(double rank1, int knownProbes, double unknownRejected, int strangerProbes, int enrolPhotos,
                 double enrolPhotosPerSecond) {
    }

    private final PersonFolders people;
    private final PersonFolders strangers;

    IdentificationBenchmark(Path faces94) {
        try {
            people = PersonFolders.scan(faces94.resolve("identities"));
            strangers = PersonFolders.scan(faces94.resolve("unknown_not_enrolled"));
        } catch (IOException e) {
            throw new ComparisonException("cannot read " + faces94 + ": " + e.getMessage(), "check the faces94 folder");
        }
    }

    Score run(Contender contender, int limitPeople) {
        PersonFolders used = limitPeople == 0 || limitPeople >= people.people().size() ? people
                : new PersonFolders(people.root(), people.people().subList(0, limitPeople), List.of());
        IdentificationProtocol.Split split = IdentificationProtocol.enrolFirst(used, ENROL).withStrangers(strangers);

        Map<String, List<float[]>> gallery = new LinkedHashMap<>();
        long enrolNanos = 0;
        int enrolPhotos = 0;
        for (IdentificationProtocol.Enrolment e : split.enrolments()) {
            List<float[]> templates = new ArrayList<>();
            for (Path photo : e.images()) {
                long start = System.nanoTime();
                VerificationBenchmark.describeCentral(contender, photo).ifPresent(templates::add);
                enrolNanos += System.nanoTime() - start;
                enrolPhotos++;
            }
            gallery.put(e.name(), templates);
        }

        int known = 0, hits = 0, strangerCount = 0;
        List<Double> trueScores = new ArrayList<>();
        List<Double> strangerBest = new ArrayList<>();
        for (IdentificationProtocol.Probe probe : split.probes()) {
            Optional<float[]> t = VerificationBenchmark.describeCentral(contender, probe.image());
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY, trueScore = Double.NEGATIVE_INFINITY;
            if (t.isPresent()) {
                for (Map.Entry<String, List<float[]>> person : gallery.entrySet()) {
                    double s = person.getValue().stream().mapToDouble(g -> contender.similarity(t.get(), g))
                            .max().orElse(Double.NEGATIVE_INFINITY);
                    if (s > bestScore) {
                        bestScore = s;
                        best = person.getKey();
                    }
                    if (person.getKey().equals(probe.label())) {
                        trueScore = s;
                    }
                }
            }
            if (probe.stranger()) {
                strangerCount++;
                strangerBest.add(bestScore);
            } else {
                known++;
                hits += probe.label().equals(best) ? 1 : 0;
                trueScores.add(trueScore);
            }
        }
        double[] sorted = trueScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double threshold = sorted.length == 0 ? Double.NaN : sorted[(int) Math.floor(KNOWN_REJECTED * sorted.length)];
        long rejected = strangerBest.stream().filter(s -> !(s >= threshold)).count();
        return new Score(known == 0 ? Double.NaN : hits / (double) known, known,
                strangerCount == 0 ? Double.NaN : rejected / (double) strangerCount, strangerCount, enrolPhotos,
                enrolNanos == 0 ? Double.NaN : enrolPhotos / (enrolNanos / 1e9));
    }
}
