package com.faceattend.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Visits composed from an open-set split ({@link IdentificationProtocol#openSet}): each person's probe
 * photos, in name order, are cut into runs of {@code length} consecutive photos, one visit each; a
 * shorter remainder is left out (a visit shorter than the station's votes could never be decided, and
 * mixing lengths would mix what is measured). The split is person-disjoint, so an enrolled person's
 * visits never hold their enrolment photos and a stranger is enrolled nowhere.
 */
public final class VisitProtocol {
    private VisitProtocol() {
    }

    /**
     * @param length       photos per visit (at least 1)
     * @param maxPerPerson at most this many visits per person, the first ones (0 = all): keeps a run
     *                     short without dropping people
     */
    public static List<Visit> compose(IdentificationProtocol.Split split, int length, int maxPerPerson) {
        if (length < 1) {
            throw new IllegalArgumentException("photos per visit must be at least 1, was " + length);
        }
        if (maxPerPerson < 0) {
            throw new IllegalArgumentException("visits per person must be 0 (all) or more, was " + maxPerPerson);
        }
        // a stranger's probes carry no label: the person is the photo's folder
        Map<String, List<IdentificationProtocol.Probe>> byPerson = new LinkedHashMap<>();
        for (IdentificationProtocol.Probe p : split.probes()) {
            Path folder = p.image().getParent();
            String person = p.label() != null ? p.label() : folder == null ? p.image().toString() : folder.getFileName().toString();
            byPerson.computeIfAbsent((p.stranger() ? "?" : "=") + person, k -> new ArrayList<>()).add(p);
        }
        List<Visit> visits = new ArrayList<>();
        for (Map.Entry<String, List<IdentificationProtocol.Probe>> e : byPerson.entrySet()) {
            String person = e.getKey().substring(1);
            List<IdentificationProtocol.Probe> photos = e.getValue();
            int n = 0;
            for (int from = 0; from + length <= photos.size() && (maxPerPerson == 0 || n < maxPerPerson); from += length) {
                List<Path> frames = photos.subList(from, from + length).stream().map(IdentificationProtocol.Probe::image).toList();
                visits.add(new Visit(person + "#" + ++n, person, photos.get(0).label(), frames));
            }
        }
        return List.copyOf(visits);
    }
}
