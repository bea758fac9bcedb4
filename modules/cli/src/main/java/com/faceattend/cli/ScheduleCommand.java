package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.ShiftAssignment;
import com.faceattend.store.StoreException;
import com.faceattend.store.WorkShift;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend schedule set|assign|list|zone}: work shifts for the attendance rules. */
@Command(name = "schedule", description = "Define work shifts, assign them to departments or employees, set the time zone.",
        subcommands = {ScheduleCommand.SetShift.class, ScheduleCommand.Assign.class, ScheduleCommand.ListSchedules.class,
            ScheduleCommand.Zone.class, ScheduleCommand.Organisation.class})
final class ScheduleCommand {
    @ParentCommand
    FaceAttendCli app;

    @Command(name = "set", description = "Add a shift, or change the shift of that name (end before start = ends next day).")
    static final class SetShift implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Shift name, e.g. day or night.")
        String name;
        @Option(names = "--start", required = true, paramLabel = "HH:MM", description = "Start, local time.")
        LocalTime start;
        @Option(names = "--end", required = true, paramLabel = "HH:MM", description = "End, local time; before --start for a night shift.")
        LocalTime end;
        @Option(names = "--grace", paramLabel = "MINUTES", defaultValue = "5",
                description = "Minutes after start before an arrival is late, and before end before a departure is early (default: ${DEFAULT-VALUE}).")
        int grace;
        @Option(names = "--days", paramLabel = "DAYS", defaultValue = "MON-FRI", converter = WorkDaysConverter.class,
                description = "Days the shift starts on: MON-FRI, MON,WED,FRI, ALL (default: ${DEFAULT-VALUE}).")
        Set<DayOfWeek> days;

        @Override
        public Integer call() {
            WorkShift shift;
            try {
                shift = new WorkShift(name, start, end, grace, days);
            } catch (StoreException e) {
                throw new Problem(Problem.Kind.BAD_VALUE, e.getMessage(), e.fix());
            }
            try (SuiteServices ctx = parent.app.openSuite()) {
                new ScheduleStore(ctx.store()).saveShift(shift, EnrollCommand.actor());
                PrintWriter out = spec.commandLine().getOut();
                out.printf("shift %s: %s%n", shift.name(), describe(shift));
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "assign", description = "From a date on, a department or one employee works a shift (an employee's own shift wins).")
    static final class Assign implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SHIFT")
        String shift;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day it applies (default: today).")
        LocalDate from;

        static final class Target {
            @Option(names = "--department", paramLabel = "NAME")
            String department;
            @Option(names = "--employee", paramLabel = "CODE")
            String employee;
        }

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                ScheduleStore schedules = new ScheduleStore(ctx.store());
                LocalDate first = from != null ? from : LocalDate.now(schedules.organisationZone().orElse(ZoneId.systemDefault()));
                if (target.employee != null) {
                    EmployeesCommand.require(ctx.store(), target.employee);
                    schedules.assignToEmployee(shift, target.employee, first, EnrollCommand.actor());
                } else {
                    schedules.assignToDepartment(shift, target.department, first, EnrollCommand.actor());
                }
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s works shift %s from %s%n", target.employee != null ? "employee " + target.employee
                        : "department " + target.department, shift, first);
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "list", description = "Show shifts, assignments and the time zone.")
    static final class ListSchedules implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                ScheduleStore schedules = new ScheduleStore(ctx.store());
                out.printf("time zone: %s%n", schedules.organisationZone().map(ZoneId::getId)
                        .orElse(ZoneId.systemDefault().getId() + " (this computer's; set one with `faceattend schedule zone ZONE`)"));
                out.println("shifts:");
                for (WorkShift s : schedules.listShifts()) {
                    out.printf("  %-12s %s%n", s.name(), describe(s));
                }
                out.println("assignments:");
                for (ShiftAssignment a : schedules.listAssignments()) {
                    out.printf("  %-30s %-12s from %s%n", a.isPersonal() ? "employee " + a.employeeCode()
                            : "department " + a.department(), a.shiftName(), a.validFrom());
                }
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "zone", description = "Show or set the organisation's time zone (shift times, holidays and report dates use it).")
    static final class Zone implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ZONE", arity = "0..1", description = "An IANA zone such as Europe/Berlin.")
        String zone;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ZoneId id = null;
            if (zone != null) {
                try {
                    id = ZoneId.of(zone);
                } catch (DateTimeException e) {
                    throw new Problem(Problem.Kind.BAD_VALUE, "'" + zone + "' is not a time zone", "use a region name such as "
                            + "Europe/Berlin or America/New_York (not an abbreviation like CET)");
                }
            }
            try (SuiteServices ctx = parent.app.openSuite()) {
                ScheduleStore schedules = new ScheduleStore(ctx.store());
                if (id != null) {
                    schedules.setOrganisationZone(id, EnrollCommand.actor());
                }
                out.println(schedules.organisationZone().map(ZoneId::getId)
                        .orElse(ZoneId.systemDefault().getId() + " (not set; this computer's zone is used)"));
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "organisation", description = "Show or set the organisation name printed on every report page (xlsx and PDF).")
    static final class Organisation implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "For example \"Müller & Söhne GmbH\".")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                ScheduleStore schedules = new ScheduleStore(ctx.store());
                if (name != null) {
                    schedules.setOrganisationName(name, EnrollCommand.actor());
                }
                out.println(schedules.organisationName().orElse("(not set; reports say FaceAttend)"));
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    static String describe(WorkShift s) {
        String days = EnumSet.copyOf(s.workDays()).stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        return s.start() + "-" + s.end() + (s.crossesMidnight() ? " (+1 day)" : "") + ", grace " + s.graceMinutes()
                + " min, " + days;
    }
}
