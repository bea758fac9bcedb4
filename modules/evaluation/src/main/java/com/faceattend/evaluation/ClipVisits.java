package com.faceattend.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * A real video played through the station twice: once with the people in it enrolled (from their
 * reference stills, beside the other enrolled people), once without them (they are then strangers to
 * the same other people). Without annotated boxes a clip's visits are counted per person, from events.
 *
 * @param clip                the video
 * @param people              the people in it (enrolled from their stills in the first play)
 * @param recognised          of {@code people}, those checked in during the first play
 * @param otherCheckInsEnrolled check-ins of anyone else during the first play (each an error)
 * @param checkInsAsStrangers check-ins during the second play, where nobody in the clip is enrolled
 *                            (each a stranger accepted as an employee)
 * @param strangerAlerts      stranger alerts during the second play
 */
public record ClipVisits(String clip, List<String> people, List<String> recognised, List<String> otherCheckInsEnrolled,
                         List<String> checkInsAsStrangers, int strangerAlerts) {
    public ClipVisits {
        Objects.requireNonNull(clip, "clip");
        people = List.copyOf(people);
        recognised = List.copyOf(recognised);
        otherCheckInsEnrolled = List.copyOf(otherCheckInsEnrolled);
        checkInsAsStrangers = List.copyOf(checkInsAsStrangers);
    }

    /** People in the clip not checked in although enrolled. */
    public Proportion fnir() {
        return new Proportion(people.size() - recognised.size(), people.size());
    }

    /** People in the clip checked in as someone while not enrolled (at most one per person). */
    public Proportion fpir() {
        return new Proportion(Math.min(people.size(), checkInsAsStrangers.size()), people.size());
    }
}
