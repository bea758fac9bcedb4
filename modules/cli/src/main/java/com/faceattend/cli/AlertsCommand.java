package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.alerts.Alert;
import com.faceattend.alerts.AlertService;
import com.faceattend.alerts.AlertSettings;
import com.faceattend.store.AlertKind;
import com.faceattend.store.AlertQuery;
import com.faceattend.store.AlertRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend alerts list|ack}: stranger and spoof alerts raised by stations. */
@Command(name = "alerts", description = "Show and acknowledge stranger and spoof alerts.",
        subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Ack.class})
final class AlertsCommand {
    @ParentCommand
    FaceAttendCli app;

    static AlertService service(SuiteServices ctx) {
        return new AlertService(ctx.store(), AlertSettings.defaults(), ctx.dataDir().resolve("snapshots"), Clock.systemUTC());
    }

    @Command(name = "list", description = "List alerts, newest first.")
    static final class ListAlerts implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--since", paramLabel = "WHEN",
                description = "Only alerts since a day (YYYY-MM-DD, local) or for a past duration (e.g. 24h, 90m).")
        String since;
        @Option(names = "--kind", paramLabel = "KIND", description = "Only stranger or spoof alerts.")
        String kind;
        @Option(names = "--unacknowledged", description = "Only alerts nobody has acknowledged yet.")
        boolean unacknowledged;
        @Option(names = "--limit", description = "At most this many, newest first (default: ${DEFAULT-VALUE}).")
        int limit = 200;
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        public Integer call() {
            AlertQuery query;
            try {
                query = new AlertQuery(sinceInstant(), kind(), unacknowledged, limit);
            } catch (IllegalArgumentException e) {
                throw new Problem(Problem.Kind.BAD_VALUE, e.getMessage(), "see faceattend alerts list --help");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                List<Alert> alerts = service(ctx).list(query);
                if (json) {
                    Console.printJson(out, alerts.stream().map(ListAlerts::toMap).toList());
                    return ExitCode.OK;
                }
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
                for (Alert a : alerts) {
                    AlertRecord r = a.record();
                    out.printf(Locale.ROOT, "%6d  %s  %-8s %-20s %s%s%n", r.id(), fmt.format(r.time()), r.kind(), r.station(),
                            a.description(), r.acknowledged() ? "  [ack " + r.ackActor()
                                    + (r.ackNote() == null ? "" : ": " + r.ackNote()) + "]" : "");
                }
                out.printf("%d alert(s)%n", alerts.size());
                out.flush();
                return ExitCode.OK;
            }
        }

        private static Map<String, Object> toMap(Alert a) {
            AlertRecord r = a.record();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("kind", r.kind().name());
            m.put("time", r.time().toString());
            m.put("station", r.station());
            m.put("description", a.description());
            m.put("strangerGroup", r.strangerGroupId());
            m.put("groupVisits", r.groupVisits());
            m.put("visitsThisWeek", a.visitsThisWeek());
            m.put("similarity", nan(r.similarity()));
            m.put("groupSimilarity", nan(r.groupSimilarity()));
            m.put("liveScore", nan(r.liveScore()));
            m.put("claimedEmployee", r.claimedEmployee());
            m.put("snapshot", r.snapshot() != null);
            m.put("acknowledged", r.acknowledged());
            m.put("ackTime", r.ackTime() == null ? null : r.ackTime().toString());
            m.put("ackActor", r.ackActor());
            m.put("ackNote", r.ackNote());
            return m;
        }

        private static Float nan(float v) {
            return Float.isNaN(v) ? null : v;
        }

        private AlertKind kind() {
            if (kind == null) {
                return null;
            }
            try {
                return AlertKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problem(Problem.Kind.BAD_VALUE, "--kind must be stranger or spoof, was '" + kind + "'",
                        "use --kind stranger or --kind spoof");
            }
        }

        private Instant sinceInstant() {
            if (since == null) {
                return null;
            }
            try {
                return LocalDate.parse(since).atStartOfDay(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notADate) {
                try {
                    return Instant.now().minus(new DurationConverter().convert(since));
                } catch (RuntimeException notADuration) {
                    throw new Problem(Problem.Kind.BAD_VALUE, "--since '" + since + "' is neither a date nor a duration",
                            "write a day as 2026-11-23 or a past duration as 24h");
                }
            }
        }
    }

    @Command(name = "ack", description = "Acknowledge an alert, with a note saying what was done.")
    static final class Ack implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "Alert id, as shown by `alerts list`.")
        long id;
        @Option(names = "--note", description = "What was found or done (kept with the alert and in the audit log).")
        String note;
        @Option(names = "--actor", description = "Who acknowledges it (default: the operating-system user).")
        String actor = System.getProperty("user.name", "unknown");

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                Alert a = service(ctx).acknowledge(id, actor, note);
                out.printf("alert %d acknowledged by %s: %s%n", a.id(), a.record().ackActor(), a.description());
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
