package com.faceattend.cli;

import com.faceattend.store.StationBeat;
import com.faceattend.store.StationHeartbeats;
import com.faceattend.suite.SuiteServices;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend stations list}: every station's heartbeat (online/offline, events, backlog, fps, version). */
@Command(name = "stations", description = "The stations writing to this store: alive or not, and how they are doing.",
        subcommands = {StationsCommand.ListStations.class})
final class StationsCommand {
    @ParentCommand
    FaceAttendCli app;

    @Command(name = "list", description = {"List every station that ever sent a heartbeat, by name.",
            "Offline: no heartbeat for more than three of its intervals (a running station beats every 2 s)."})
    static final class ListStations implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        @ParentCommand
        StationsCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            try (SuiteServices suite = parent.app.openSuite()) {
                List<StationBeat> beats = new StationHeartbeats(suite.store()).list();
                Instant now = Instant.now();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Console.printJson(out, beats.stream().map(b -> {
                        var row = new LinkedHashMap<String, Object>();
                        row.put("station", b.station());
                        row.put("online", b.onlineAt(now));
                        row.put("lastHeartbeat", b.lastBeat().toString());
                        row.put("secondsSinceHeartbeat", Math.max(0, Duration.between(b.lastBeat(), now).toSeconds()));
                        row.put("eventsToday", b.eventsToday());
                        row.put("backlog", b.backlog());
                        row.put("framesPerSecond", Math.round(b.framesPerSecond() * 10) / 10.0);
                        row.put("version", b.version());
                        row.put("host", b.host());
                        row.put("startedAt", b.startedAt().toString());
                        row.put("galleryChange", b.gallerySeq());
                        return row;
                    }).toList());
                    return ExitCode.OK;
                }
                if (beats.isEmpty()) {
                    out.println("no station has sent a heartbeat yet (stations send one every 2 s while they run)");
                    return ExitCode.OK;
                }
                String format = "%-20s %-8s %-19s %8s %6s %8s %7s  %-16s %s%n";
                out.printf(Locale.ROOT, format, "STATION", "STATE", "LAST HEARTBEAT", "AGO", "EVENTS", "BACKLOG", "FPS", "VERSION", "HOST");
                for (StationBeat b : beats) {
                    long ago = Math.max(0, Duration.between(b.lastBeat(), now).toSeconds());
                    out.printf(Locale.ROOT, format, b.station(), b.onlineAt(now) ? "online" : "OFFLINE",
                            TIME.format(b.lastBeat().atZone(ZoneId.systemDefault())), ago + " s", b.eventsToday(),
                            b.backlog() < 0 ? "?" : Integer.toString(b.backlog()), String.format(Locale.ROOT, "%.1f", b.framesPerSecond()),
                            b.version(), b.host());
                }
                out.flush();
                return ExitCode.OK;
            }
        }
    }
}
