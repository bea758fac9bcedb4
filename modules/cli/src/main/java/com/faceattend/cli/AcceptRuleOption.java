package com.faceattend.cli;

import com.faceattend.engine.gallery.OpenSetDecision;
import com.faceattend.suite.SuiteSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --accept-strangers N}: the accept rule of the station and {@code identify}, said as what it means
 * (one implementation: {@link OpenSetDecision}). Checked by {@link SuiteSettings} like the saved value.
 */
final class AcceptRuleOption {
    static final String NAME = "--accept-strangers";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = NAME, paramLabel = "N", description = {
        "Take about 1 stranger's face in N for an employee, 100–1,000,000 (default: the saved setting, else ${DEFAULT-VALUE}).",
        "The similarity needed grows with the number of people enrolled, so this holds as the staff grows;"
            + " larger N = fewer strangers let in, more employees asked to look again."})
    int oneIn = SuiteSettings.defaults().strangersOneIn();

    /** True when N was given on this command line (it then overrides the saved setting for this run only). */
    boolean given() {
        return command.commandLine().getParseResult().hasMatchedOption(NAME);
    }

    /** {@code saved}, with N in place of its stranger setting when N was given; a bad N exits 2 with a fix. */
    SuiteSettings over(SuiteSettings saved) {
        return given() ? saved.withStrangersOneIn(oneIn) : saved;
    }

    /** The rule for N alone (commands that do not read the saved settings); a bad N exits 2 with a fix. */
    OpenSetDecision rule() {
        return SuiteSettings.defaults().withStrangersOneIn(oneIn).acceptRule();
    }
}
