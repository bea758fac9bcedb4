package com.faceattend.cli;

import com.faceattend.store.AuditEntry;
import com.faceattend.store.AuditQuery;
import com.faceattend.suite.SuiteServices;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend audit list}: the append-only audit log (administrator or auditor). */
@Command(name = "audit", description = "The audit log: who did what, when, from which station (append-only).",
        subcommands = {AuditCommand.ListAudit.class})
final class AuditCommand {
    @ParentCommand
    FaceAttendCli app;

    @Command(name = "list", description = "List audit entries, newest first (needs the role admin or auditor).")
    static final class ListAudit implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (UTC), inclusive.")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (UTC), inclusive.")
        LocalDate to;
        @Option(names = "--actor", paramLabel = "NAME", description = "Only entries by this user.")
        String actor;
        @Option(names = "--action", paramLabel = "ACTION", description = "Only this action (e.g. login-failed; 'user-*' for a prefix).")
        String action;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many entries.")
        int limit;
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                List<AuditEntry> entries = ctx.store().listAudit(new AuditQuery(
                        from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                        to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        actor, action, limit));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Console.printJson(out, entries.stream().map(e -> {
                        var row = new java.util.LinkedHashMap<String, Object>();
                        row.put("id", e.id());
                        row.put("time", e.time().toString());
                        row.put("actor", e.actor());
                        row.put("action", e.action());
                        row.put("detail", e.detail());
                        row.put("station", e.station());
                        row.put("dbUser", e.dbUser());
                        return row;
                    }).toList());
                    return ExitCode.OK;
                }
                out.printf("%-24s %-14s %-18s %-14s %s%n", "TIME (UTC)", "ACTOR", "ACTION", "STATION", "DETAIL");
                for (AuditEntry e : entries) {
                    out.printf("%-24s %-14s %-18s %-14s %s%n", e.time(), e.actor(), e.action(),
                            e.station() == null ? "-" : e.station(), e.detail() == null ? "" : e.detail());
                }
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
