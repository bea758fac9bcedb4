package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.store.AttendanceRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend events list}. */
@Command(name = "events", description = "Show recorded attendance.", subcommands = EventsCommand.ListEvents.class)
final class EventsCommand {
    @ParentCommand
    FaceAttendCli app;

    @Command(name = "list", description = "List check-ins and check-outs in a date range (local dates, inclusive).")
    static final class ListEvents implements Callable<Integer> {
        @ParentCommand
        EventsCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", description = "First day, YYYY-MM-DD (default: today).")
        LocalDate from;
        @Option(names = "--to", description = "Last day, YYYY-MM-DD (default: same as --from).")
        LocalDate to;
        @Option(names = "--employee", paramLabel = "CODE", description = "Only this employee.")
        String employee;
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        public Integer call() {
            ZoneId zone = ZoneId.systemDefault();
            LocalDate first = from == null ? LocalDate.now(zone) : from;
            LocalDate last = to == null ? first : to;
            if (last.isBefore(first)) {
                throw new Problem(Problem.Kind.BAD_VALUE, "--to (" + last + ") is before --from (" + first + ")",
                        "swap the two dates");
            }
            Instant start = first.atStartOfDay(zone).toInstant();
            Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                if (employee != null) {
                    EmployeesCommand.require(ctx.store(), employee);
                }
                List<AttendanceRecord> records = ctx.store().listAttendance(start, end, employee);
                if (json) {
                    Console.printJson(out, records.stream().map(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", r.id());
                        m.put("time", r.time().toString());
                        m.put("employeeCode", r.employeeCode());
                        m.put("employeeName", r.employeeName());
                        m.put("station", r.station());
                        m.put("direction", r.direction().name());
                        m.put("similarity", r.similarity());
                        m.put("liveScore", Float.isNaN(r.liveScore()) ? null : r.liveScore());
                        return m;
                    }).toList());
                    return ExitCode.OK;
                }
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
                for (AttendanceRecord r : records) {
                    out.printf(Locale.ROOT, "%s  %-3s  %-10s %-28s %-20s %.2f%n", fmt.format(r.time()), r.direction(),
                            r.employeeCode(), r.employeeName(), r.station(), r.similarity());
                }
                out.printf("%d event(s) from %s to %s%n", records.size(), first, last);
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
