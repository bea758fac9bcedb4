package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.store.Holiday;
import com.faceattend.store.ScheduleStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend holiday add|remove|list}. */
@Command(name = "holiday", description = "Holidays: no one is expected at work; time worked counts as overtime.",
        subcommands = {HolidayCommand.Add.class, HolidayCommand.Remove.class, HolidayCommand.ListHolidays.class})
final class HolidayCommand {
    @ParentCommand
    FaceAttendCli app;

    @Command(name = "add", description = "Add a holiday (or rename the one on that date).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        HolidayCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "YYYY-MM-DD")
        LocalDate date;
        @Parameters(index = "1..*", paramLabel = "NAME", description = "e.g. New Year")
        List<String> name;

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                String text = String.join(" ", name);
                new ScheduleStore(ctx.store()).addHoliday(date, text, EnrollCommand.actor());
                spec.commandLine().getOut().printf("holiday %s: %s%n", date, text);
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", description = "Remove the holiday on a date.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        HolidayCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                if (!new ScheduleStore(ctx.store()).removeHoliday(date, EnrollCommand.actor())) {
                    throw new Problem(Problem.Kind.NOT_FOUND, "there is no holiday on " + date, "list them with: faceattend holiday list");
                }
                spec.commandLine().getOut().printf("removed the holiday on %s%n", date);
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "list", description = "List holidays of a year.")
    static final class ListHolidays implements Callable<Integer> {
        @ParentCommand
        HolidayCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--year", description = "Year (default: this year).")
        Integer year;

        @Override
        public Integer call() {
            int y = year != null ? year : LocalDate.now().getYear();
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                List<Holiday> holidays = new ScheduleStore(ctx.store()).listHolidays(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
                for (Holiday h : holidays) {
                    out.printf("%s  %-9s %s%n", h.date(), h.date().getDayOfWeek(), h.name());
                }
                out.printf("%d holiday(s) in %d%n", holidays.size(), y);
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
