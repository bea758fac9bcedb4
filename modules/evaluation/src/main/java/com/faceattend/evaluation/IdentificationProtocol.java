package com.faceattend.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a {@link PersonFolders} into photos to enrol and photos to probe with. Deterministic: it only
 * uses the natural name order of people and photos, never randomness.
 */
public final class IdentificationProtocol {
    private IdentificationProtocol() {
    }

    /** Photos of one person to enrol. */
    public record Enrolment(String name, List<Path> images) {
        public Enrolment {
            Objects.requireNonNull(name, "name");
            images = List.copyOf(images);
        }
    }

    /**
     * One probe photo.
     *
     * @param image the photo
     * @param label the enrolled person it shows, or {@code null} for a stranger (not enrolled)
     */
    public record Probe(Path image, String label) {
        public Probe {
            Objects.requireNonNull(image, "image");
        }

        public boolean stranger() {
            return label == null;
        }
    }

    /**
     * An enrol/probe split.
     *
     * @param description          one line saying how it was made
     * @param enrolPerPerson       K: photos enrolled per person (at most)
     * @param enrolments           enrolled people in name order
     * @param probes               probes: each enrolled person's remaining photos, then strangers' photos
     * @param enrolledWithoutProbes enrolled people with K photos or fewer: all enrolled, nothing to probe with
     * @param strangers            people used only as strangers (all their photos are probes)
     */
    public record Split(String description, int enrolPerPerson, List<Enrolment> enrolments, List<Probe> probes,
                        List<String> enrolledWithoutProbes, List<String> strangers) {
        public Split {
            enrolments = List.copyOf(enrolments);
            probes = List.copyOf(probes);
            enrolledWithoutProbes = List.copyOf(enrolledWithoutProbes);
            strangers = List.copyOf(strangers);
        }

        /** Probes of enrolled people. */
        public long knownProbeCount() {
            return probes.stream().filter(p -> !p.stranger()).count();
        }

        /** Probes of strangers. */
        public long strangerProbeCount() {
            return probes.stream().filter(Probe::stranger).count();
        }

        /**
         * This split plus every photo of {@code others} as a stranger probe (e.g. faces94's
         * {@code unknown_not_enrolled}). Refuses a name that is enrolled, since those photos would then
         * not be strangers.
         */
        public Split withStrangers(PersonFolders others) {
            List<Probe> all = new ArrayList<>(probes);
            List<String> names = new ArrayList<>(strangers);
            for (PersonFolders.Person p : others.people()) {
                if (enrolments.stream().anyMatch(e -> e.name().equals(p.name()))) {
                    throw new IllegalArgumentException("stranger '" + p.name() + "' is enrolled in this split");
                }
                names.add(p.name());
                for (Path image : p.images()) {
                    all.add(new Probe(image, null));
                }
            }
            return new Split(description + ", plus " + others.people().size() + " strangers from " + others.root(),
                    enrolPerPerson, enrolments, all, enrolledWithoutProbes, names);
        }
    }

    /**
     * Closed set: everyone is enrolled with their first {@code k} photos; their other photos are probes.
     * People with {@code k} photos or fewer are enrolled with all of them and listed in
     * {@link Split#enrolledWithoutProbes()}.
     */
    public static Split enrolFirst(PersonFolders folders, int k) {
        checkK(k);
        List<Enrolment> enrol = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        List<String> noProbes = new ArrayList<>();
        for (PersonFolders.Person p : folders.people()) {
            enrolPerson(p, k, enrol, probes, noProbes);
        }
        return new Split("closed set: first " + k + " photo(s) of each of " + folders.people().size()
                + " people enrolled, the rest probe", k, enrol, probes, noProbes, List.of());
    }

    /**
     * Open set, person-disjoint: the people with more than {@code k} photos, in name order, alternate
     * between enrolled (1st, 3rd, ... of them, as in {@link #enrolFirst}) and strangers; people with
     * {@code k} photos or fewer cannot be probed as known, so they are strangers too. Every photo of a
     * stranger is a probe with a {@code null} label. Known probes come first, then strangers' photos,
     * each in name order.
     *
     * <p>With {@code k = 1} on LFW this is the identification protocol of a door with one enrolment photo
     * per employee: no person is both enrolled and a stranger, and every stranger photo (people seen
     * once or many times) is a chance to be taken for an employee. On folders where everyone has more
     * than {@code k} photos (faces94, AT&amp;T) it is simply every other person.
     */
    public static Split openSet(PersonFolders folders, int k) {
        checkK(k);
        List<Enrolment> enrol = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        List<Probe> strangerProbes = new ArrayList<>();
        List<String> noProbes = new ArrayList<>();
        List<String> strangers = new ArrayList<>();
        int probeable = 0;
        for (PersonFolders.Person p : folders.people()) {
            if (p.images().size() > k && probeable++ % 2 == 0) {
                enrolPerson(p, k, enrol, probes, noProbes);
            } else {
                strangers.add(p.name());
                for (Path image : p.images()) {
                    strangerProbes.add(new Probe(image, null));
                }
            }
        }
        probes.addAll(strangerProbes);
        return new Split("open set (person-disjoint): " + enrol.size() + " of the " + probeable
                + " people with more than " + k + " photo(s) enrolled (every other in name order) with their first "
                + k + ", " + strangers.size() + " strangers (the others, and everyone with " + k
                + " photo(s) or fewer)", k, enrol, probes, noProbes, strangers);
    }

    private static void enrolPerson(PersonFolders.Person p, int k, List<Enrolment> enrol, List<Probe> probes,
                                    List<String> noProbes) {
        List<Path> images = p.images();
        int n = Math.min(k, images.size());
        enrol.add(new Enrolment(p.name(), images.subList(0, n)));
        if (images.size() <= k) {
            noProbes.add(p.name());
        }
        for (Path image : images.subList(n, images.size())) {
            probes.add(new Probe(image, p.name()));
        }
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("photos to enrol per person must be >= 1, was " + k);
        }
    }
}
