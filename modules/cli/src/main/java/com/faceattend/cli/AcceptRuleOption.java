package com.faceattend.cli;

import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.suite.SuiteSettings;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --accept-strangers N}: the station's accept rule, said as what it means (one implementation: {@link OpenSetDecision}). */
final class AcceptRuleOption {
    @Option(names = "--accept-strangers", paramLabel = "N", description = {
        "Take about 1 stranger's face in N for an employee (default: ${DEFAULT-VALUE}, i.e. about 1 stranger in 300).",
        "The similarity needed grows with the number of people enrolled, so this holds as the staff grows;"
            + " larger N = fewer strangers let in, more employees asked to look again."})
    int oneIn = OpenSetDecision.DEFAULT_ONE_IN;

    /** The rule; a usage error naming the valid range when N is out of it. */
    OpenSetDecision rule() {
        if (oneIn < SuiteSettings.MIN_STRANGERS_ONE_IN || oneIn > SuiteSettings.MAX_STRANGERS_ONE_IN) {
            throw new UserFacingException(String.format(Locale.ROOT, "--accept-strangers must be between %d and %d, was %d",
                    SuiteSettings.MIN_STRANGERS_ONE_IN, SuiteSettings.MAX_STRANGERS_ONE_IN, oneIn),
                    "for example --accept-strangers 300 (about 1 stranger in 300)", ExitCode.USAGE);
        }
        return OpenSetDecision.oneStrangerIn(oneIn);
    }
}
