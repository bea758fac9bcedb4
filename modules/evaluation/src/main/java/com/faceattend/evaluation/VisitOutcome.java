package com.faceattend.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * What the station decided during one visit: the attendance events it raised.
 *
 * @param visit          the visit played
 * @param recognised     employee codes of the check-ins it recorded, in order
 * @param strangerAlerts stranger alerts raised
 * @param spoofAlerts    spoof alerts raised (only with the liveness check on)
 */
public record VisitOutcome(Visit visit, List<String> recognised, int strangerAlerts, int spoofAlerts) {
    /** How a visit ended, from the door's point of view. */
    public enum Verdict {
        /** an enrolled person checked in as themselves, and as nobody else */
        IDENTIFIED,
        /** someone was checked in as an employee they are not (an enrolled person as another, or a stranger) */
        ACCEPTED_AS_OTHER,
        /** a stranger alert and no check-in */
        STRANGER_ALERT,
        /** a spoof alert and no check-in */
        SPOOF_ALERT,
        /** the visit ended before the station decided anything ("look at the camera") */
        NO_DECISION
    }

    public VisitOutcome {
        Objects.requireNonNull(visit, "visit");
        recognised = List.copyOf(recognised);
    }

    public Verdict verdict() {
        if (recognised.stream().anyMatch(code -> !code.equals(visit.label()))) {
            return Verdict.ACCEPTED_AS_OTHER;
        }
        if (!recognised.isEmpty()) {
            return Verdict.IDENTIFIED;
        }
        return spoofAlerts > 0 ? Verdict.SPOOF_ALERT : strangerAlerts > 0 ? Verdict.STRANGER_ALERT : Verdict.NO_DECISION;
    }
}
