package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.spi.AttendanceEvent.Direction;
import com.faceattend.store.Correction;
import com.faceattend.store.CorrectionStore;
import com.faceattend.store.ScheduleStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code faceattend attendance correct|corrections}: an administrator's manual corrections. They
 * never change camera events; each is kept with its reason and written to the audit log.
 */
@Command(name = "attendance", description = "Correct attendance by hand (audited, with a reason).",
        subcommands = {AttendanceCommand.Correct.class, AttendanceCommand.ListCorrections.class})
final class AttendanceCommand {
    @ParentCommand
    FaceAttendCli app;

    static ZoneId zone(SuiteServices ctx) {
        return new ScheduleStore(ctx.store()).organisationZone().orElse(ZoneId.systemDefault());
    }

    @Command(name = "correct", description = {"Add a missing pass: --employee CODE --at TIME --direction IN|OUT --reason TEXT",
        "or void a wrong camera pass: --void EVENT_ID --reason TEXT (ids: faceattend events list --json)."})
    static final class Correct implements Callable<Integer> {
        @ParentCommand
        AttendanceCommand parent;
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;
        @Option(names = "--reason", required = true, description = "Why; kept with the correction and in the audit log.")
        String reason;

        static final class What {
            @ArgGroup(exclusive = false)
            AddPass add;
            @Option(names = "--void", paramLabel = "EVENT_ID", description = "Camera pass that should not count.")
            Long voidEvent;
        }

        static final class AddPass {
            @Option(names = "--employee", required = true, paramLabel = "CODE")
            String employee;
            @Option(names = "--at", required = true, paramLabel = "YYYY-MM-DDTHH:MM",
                    description = "Local time in the organisation's time zone.")
            LocalDateTime at;
            @Option(names = "--direction", required = true, paramLabel = "IN|OUT")
            Direction direction;
        }

        @Override
        public Integer call() {
            if (reason.isBlank()) {
                throw new Problem(Problem.Kind.BAD_VALUE, "--reason is empty", "say why, e.g. --reason \"forgot to check out, confirmed by manager\"");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                CorrectionStore corrections = new CorrectionStore(ctx.store());
                Correction c;
                if (what.voidEvent != null) {
                    c = corrections.voidEvent(what.voidEvent, reason, EnrollCommand.actor());
                    out.printf("voided event %d (%s %s at %s); correction %d%n", c.voidedEventId(), c.employeeCode(),
                            c.direction(), c.time().atZone(zone(ctx)).toLocalDateTime(), c.id());
                } else {
                    EmployeesCommand.require(ctx.store(), what.add.employee);
                    ZonedDateTime when = what.add.at.atZone(zone(ctx));
                    c = corrections.addPass(what.add.employee, when.toInstant(), what.add.direction, reason, EnrollCommand.actor());
                    out.printf("added %s for %s at %s; correction %d%n", c.direction(), c.employeeCode(),
                            when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), c.id());
                }
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "corrections", description = "List manual corrections in a date range (inclusive).")
    static final class ListCorrections implements Callable<Integer> {
        @ParentCommand
        AttendanceCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate to;
        @Option(names = "--employee", paramLabel = "CODE")
        String employee;

        @Override
        public Integer call() {
            if (to.isBefore(from)) {
                throw new Problem(Problem.Kind.BAD_VALUE, "--to (" + to + ") is before --from (" + from + ")", "swap the two dates");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                ZoneId zone = zone(ctx);
                List<Correction> list = new CorrectionStore(ctx.store()).list(from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant(), employee);
                for (Correction c : list) {
                    out.printf("%-5d %-4s %-10s %-3s %s  by %s: %s%n", c.id(), c.kind(), c.employeeCode(), c.direction(),
                            c.time().atZone(zone).toLocalDateTime(), c.actor(), c.reason());
                }
                out.printf("%d correction(s)%n", list.size());
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
