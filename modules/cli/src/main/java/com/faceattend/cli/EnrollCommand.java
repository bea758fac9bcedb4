package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.engine.pipeline.PhotoSetChecker;
import com.faceattend.suite.EnrolmentService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faceattend enroll}: one person from photos, or a folder with one sub-folder per person. */
@Command(name = "enroll", description = {
    "Enrol one person from photos, or a whole folder with one sub-folder per person (sub-folder name = employee code).",
    "Each photo must show exactly one clearly visible face. Only embeddings are stored, never the photos."})
final class EnrollCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @ArgGroup(exclusive = false)
        OnePerson one;
        @Option(names = "--folder", paramLabel = "DIR", required = true,
                description = "Folder with one sub-folder of photos per person; the sub-folder name is the employee code (and name, for new employees).")
        Path folder;
    }

    static final class OnePerson {
        @Option(names = "--code", required = true, description = "Employee code, e.g. E0042.")
        String code;
        @Option(names = "--name", description = "Full name (required for a new employee).")
        String name;
        @Parameters(paramLabel = "PHOTO", arity = "1..*", description = "Photos of this person.")
        List<Path> photos;
    }

    @Option(names = "--department", description = "Department of new employees.")
    String department;

    @Option(names = "--consent", description = "Confirms the person(s) gave informed consent to biometric attendance; the date is recorded. Required.")
    boolean consent;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress (as faceattend --quiet).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (!consent) {
            throw new Problem(Problem.Kind.REFUSED, "no consent recorded: FaceAttend stores biometric templates only with the person's consent",
                    "obtain the person's written consent, then run the command again with --consent");
        }
        if (target.one != null) {
            for (Path p : target.one.photos) {
                if (!Files.exists(p)) {
                    throw new Problem(Problem.Kind.BAD_INPUT, "photo " + p + " does not exist", "check the path");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SuiteServices suite = app.openSuite()) {
            EnrolmentService enrolment = suite.enrolment();
            List<PersonOutcome> outcomes = new ArrayList<>();
            if (target.folder != null) {
                Console.Progress[] progress = {null}; // the total is known once the folder is scanned
                EnrolmentService.Progress step = (done, total, what) -> {
                    if (progress[0] == null) {
                        progress[0] = new Console.Progress(err, "Enrolling", total, app.progressStyle(quiet || json));
                    }
                    progress[0].step(what);
                };
                for (EnrolmentService.PersonResult r : enrolment.importFolder(target.folder, department, true, actor(), step, () -> false)) {
                    outcomes.add(outcome(r.code(), r.photosAccepted(), r.templatesSaved(), r.rejected()));
                }
            } else {
                String code = target.one.code;
                if (target.one.name == null && suite.store().findEmployee(code).isEmpty()) {
                    throw new Problem(Problem.Kind.BAD_VALUE, "employee " + code + " is new and needs a name", "add --name \"Full Name\"");
                }
                Console.Progress progress = new Console.Progress(err, "Enrolling", target.one.photos.size(), app.progressStyle(quiet || json));
                PhotoSetChecker.Result result = enrolment.checkPhotos(target.one.photos, p -> progress.step(p.getFileName().toString()));
                int saved = result.accepted().isEmpty() ? 0
                        : enrolment.save(code, target.one.name, department, true, result.accepted(), actor());
                outcomes.add(outcome(code, result.accepted().size(), saved, result.rejected()));
            }
            report(out, outcomes);
            // accepted photos count even when their templates were stored before (enrolling again is a no-op)
            int enrolled = (int) outcomes.stream().filter(o -> o.photosAccepted > 0).count();
            boolean anyRejected = outcomes.stream().anyMatch(o -> !o.rejected.isEmpty());
            return enrolled == 0 ? ExitCode.BAD_INPUT : (anyRejected ? ExitCode.PARTIAL : ExitCode.OK);
        }
    }

    private static PersonOutcome outcome(String code, int accepted, int saved, List<PhotoSetChecker.Rejection> rejected) {
        return new PersonOutcome(code, accepted, saved,
                rejected.stream().map(r -> new RejectedPhoto(r.photo().toString(), r.problem(), r.fix())).toList());
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    record RejectedPhoto(String photo, String problem, String fix) { }

    /** @param templatesSaved photos accepted times the resolutions each is stored at */
    record PersonOutcome(String code, int photosAccepted, int templatesSaved, List<RejectedPhoto> rejected) { }

    private void report(PrintWriter out, List<PersonOutcome> outcomes) {
        if (json) {
            Console.printJson(out, Map.of("people", outcomes));
            return;
        }
        int rejectedPhotos = 0;
        for (PersonOutcome o : outcomes) {
            String verdict = o.templatesSaved > 0
                    ? o.photosAccepted + " photo(s) enrolled (" + o.templatesSaved + " templates)"
                    : o.photosAccepted > 0 ? o.photosAccepted + " photo(s) already enrolled (no new templates)"
                    : "NOT enrolled: no usable photo";
            out.printf("%-20s %s%s%n", o.code, verdict, o.rejected.isEmpty() ? "" : ", " + o.rejected.size() + " photo(s) rejected");
            rejectedPhotos += o.rejected.size();
        }
        if (rejectedPhotos > 0) {
            out.println();
            out.println("Rejected photos:");
            for (PersonOutcome o : outcomes) {
                for (RejectedPhoto r : o.rejected) {
                    out.printf("  %s: %s. %s%n", r.photo, r.problem, capitalise(r.fix));
                }
            }
        }
        out.flush();
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
