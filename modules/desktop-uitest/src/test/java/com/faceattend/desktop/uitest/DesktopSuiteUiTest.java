package com.faceattend.desktop.uitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.desktop.support.ShowOptions;
import com.faceattend.store.AttendanceRecord;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.Employee;
import com.faceattend.store.Holiday;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.StoreKeys;
import com.faceattend.store.WorkShift;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new site's first day in the real desktop suite, as built by the application module, in a real
 * window on a virtual screen, operated as a person would through the test-only {@link UiDriver}
 * (real mouse clicks on named components, text typed into fields, files picked in the file
 * chooser): the guided first start (the sample clip as source with its preview, the site's time
 * zone, the first shift, Alex Lacamoire with consent), a second shift and a holiday in Shifts and
 * holidays, both reference stills enrolled in Employees (Lin-Manuel Miranda added there), the
 * accept rule loosened in Settings, the clip played in the Station window; the Today window's own
 * lists must then hold both people as present, and Derby the two check-ins. Every window is
 * photographed (target/ui-screenshots), then the dark look is chosen in Settings and a second start
 * photographs every window again, dark. The time to a usable main window is printed.
 */
class DesktopSuiteUiTest {
    private static final String ALEX = "Alex Lacamoire";
    private static final String LIN = "Lin-Manuel Miranda";
    /** Windows by their {@code --show} name (also the screenshot's) and a component that shows with them. */
    private static final List<List<String>> WINDOWS = List.of(List.of("employees", "employees.table"),
            List.of("alerts", "alerts.table"), List.of("reports", "reports.tabs"), List.of("shifts", "shifts.name"),
            List.of("corrections", "correction.code"), List.of("settings", "settings.save"), List.of("plugins", "plugins.table"),
            List.of("audit", "audit.table"), List.of("stations", "stations.table"), List.of("station", "station.start"));

    @TempDir
    Path tmp;

    @Test
    void firstDayThroughTheWindowsChecksBothPeopleIn() throws Exception {
        SuiteProcess.requireBuilt();
        Path video = SuiteProcess.video().toAbsolutePath().normalize();
        Path shots = SuiteProcess.screenshots();
        Path data = tmp.resolve("data");
        ZoneId zone = zoneBeforeTheShift();
        LocalDate holiday = LocalDate.now(zone).plusDays(30);

        try (VirtualDisplay display = VirtualDisplay.start(tmp.resolve("xvfb.log"))) {
            Path port = tmp.resolve("driver.port");
            SuiteProcess suite = SuiteProcess.launch(display, tmp, data, UiDriver.launchOption(tmp, port));
            try (UiDriver ui = UiDriver.connect(suite, port)) {
                System.out.println("[ui-test] " + suite.waitForLog(Pattern.compile("main window usable after \\d+ ms")).strip());
                assertEquals("FlatLaf Light", ui.look(), "the default look");
                suite.waitForLog(Pattern.compile("first start: shown")); // a new data folder: the guided set-up is offered
                firstStart(ui, suite, video, zone, shots);
                enrol(suite, ui, video, shots);
                shiftAndHoliday(suite, ui, holiday, shots);
                // At the default (about 1 stranger in 300) the pianist's ~35 px face scores just below the
                // bar with two people enrolled, as in the CLI's tests, which run at --accept-strangers 100.
                show(suite, ui, "settings", "settings.save");
                // it shows the source Getting started stored (so Save keeps it)
                ui.waitText("settings.source", "^" + Pattern.quote(video.resolve("short_hamilton_clip.mp4").toString()) + "$", 30);
                ui.pick("settings.strangers", "about 1 stranger in 100");
                ui.click("settings.save");
                ui.waitText("settings.status", "^Saved", 60);

                show(suite, ui, "station", "station.start");
                ui.click("station.start");
                suite.waitForLog(Pattern.compile("station event: .* IN .*"));
                ui.screenshot(shots.resolve("station-running.png"));
                suite.waitForLog(Pattern.compile("station stopped"));

                show(suite, ui, "today", "today.lists");
                // the window's own lists, refreshed from the store as the clip recorded the passes
                suite.waitForLog(Pattern.compile("today window: present=2 late=0 absent=0 expected=0 off=0 unscheduled=0"));
                ui.tab("today.lists", "Present");
                assertEquals(List.of(ALEX, LIN), namesIn(ui.table("today.present")), "the Today window's Present list");
                assertTrue(ui.table("today.late").isEmpty() && ui.table("today.absent").isEmpty(), "nobody late or absent");
                assertEquals(2, ui.table("today.latest").size(), "the latest passes: one each");
                ui.screenshot(shots.resolve("today.png"));
                everyWindow(suite, ui, shots, "");
                show(suite, ui, "settings", "settings.look");
                ui.pick("settings.look", "Dark"); // applies at the next start
                ui.waitText("settings.status", "next time", 30);
            } finally {
                suite.stop();
            }
            assertNoErrors(tmp.resolve("userdir/var/log/messages.log"));
            Files.move(tmp.resolve("userdir/var/log/messages.log"), tmp.resolve("userdir/var/log/messages-light.log"));

            SuiteProcess dark = SuiteProcess.launch(display, tmp, data, UiDriver.launchOption(tmp, port));
            try (UiDriver ui = UiDriver.connect(dark, port)) {
                System.out.println("[ui-test] dark: " + dark.waitForLog(Pattern.compile("main window usable after \\d+ ms")).strip());
                assertEquals("FlatLaf Dark", ui.look(), "the look chosen in Settings before the suite was stopped");
                dark.waitForLog(Pattern.compile("first start: not needed")); // finished: not offered again
                dark.waitForLog(Pattern.compile("today window: present=2 "));
                ui.screenshot(shots.resolve("today-dark.png"));
                everyWindow(dark, ui, shots, "-dark");
                show(dark, ui, "setup", "firststart.next"); // still there for a second look; Next stores each step again
                for (int step = 1; step <= 4; step++) {
                    ui.waitText("firststart.step", "Step " + step + " of 4", 60);
                    if (step == 1) {
                        dark.waitForLog(Pattern.compile("first start: preview showing"));
                    }
                    ui.screenshot(shots.resolve("first-start-" + step + "-dark.png"));
                    if (step < 4) {
                        ui.click("firststart.next");
                    }
                }
            } finally {
                dark.stop();
            }
        }
        assertNoErrors(tmp.resolve("userdir/var/log/messages.log"));

        try (DerbyAttendanceStore store = DerbyAttendanceStore.openEmbedded(data.resolve("db"), StoreKeys.forDatabase(data.resolve("db")).forOpening())) {
            assertEquals(List.of("alex", "lin"), store.listEmployees(false).stream().map(Employee::code).sorted().toList());
            List<AttendanceRecord> events = store.listAttendance(Instant.EPOCH, Instant.now().plusSeconds(60), null);
            TreeSet<String> checkedIn = new TreeSet<>();
            events.forEach(r -> checkedIn.add(r.employeeCode() + " " + r.direction()));
            assertEquals(List.of("alex IN", "lin IN"), List.copyOf(checkedIn), "check-ins recorded by the desktop station");
            assertEquals(2, events.size(), "each person is recorded once per passage: " + events);
            ScheduleStore schedule = new ScheduleStore(store);
            assertEquals(zone, schedule.organisationZone().orElseThrow(), "the zone chosen in the first start");
            assertEquals(List.of("day", "late"), schedule.listShifts().stream().map(WorkShift::name).sorted().toList());
            assertEquals(List.of("Founders' Day"), schedule.listHolidays(holiday, holiday).stream().map(Holiday::name).toList());
        }
    }

    /** The four steps of Getting started, each photographed; Finish opens the capture window, which finds no camera here. */
    private static void firstStart(UiDriver ui, SuiteProcess suite, Path video, ZoneId zone, Path shots) throws Exception {
        ui.type("firststart.source", video.resolve("short_hamilton_clip.mp4").toString());
        ui.click("firststart.preview");
        suite.waitForLog(Pattern.compile("first start: preview showing"));
        ui.screenshot(shots.resolve("first-start-1.png"));
        ui.click("firststart.next");
        ui.waitText("firststart.step", "Step 2 of 4", 60);
        ui.pick("firststart.zone", zone.getId());
        ui.screenshot(shots.resolve("first-start-2.png"));
        ui.click("firststart.next");
        ui.waitText("firststart.step", "Step 3 of 4", 60);
        ui.type("firststart.shift", "day");
        ui.type("firststart.shiftStart", "09:00");
        ui.type("firststart.shiftEnd", "17:00");
        ui.screenshot(shots.resolve("first-start-3.png"));
        ui.click("firststart.next");
        ui.waitText("firststart.step", "Step 4 of 4", 60);
        ui.type("employee.code", "alex");
        ui.type("employee.name", ALEX);
        ui.type("employee.department", "Band");
        ui.check("employee.consent", true);
        ui.screenshot(shots.resolve("first-start-4.png"));
        ui.click("firststart.next"); // Finish and capture the face
        suite.waitForLog(Pattern.compile("first start: finished"));
        // the capture window looks for a webcam (camera 0), which a build machine lacks: a person reads why and closes it
        // (this also proves a missing camera gives a dialog that names it, not a crash: the suite runs on below)
        String shown = suite.waitForLog(Pattern.compile("use the camera for enrolment: .*"));
        assertTrue(shown.contains("camera 0") || shown.contains("Camera 0"), "the dialog names the camera: " + shown);
        ui.waitFor("FaceAttend=>text:OK");
        ui.screenshot(shots.resolve("problem-camera-missing.png"));
        ui.click("FaceAttend=>text:OK");
        ui.waitGone("FaceAttend=>text:OK");
    }

    /** Alex's still through Add photos; Lin added with consent, then his still. */
    private static void enrol(SuiteProcess suite, UiDriver ui, Path video, Path shots) throws Exception {
        show(suite, ui, "employees", "employees.table");
        ui.row("employees.table", ALEX);
        ui.click("employees.photos");
        ui.choose(video.resolve("ref_alex_lacamoire.png"));
        awaitTemplates(ui, ALEX);
        ui.click("employees.add");
        ui.type("Add employee=>employee.code", "lin");
        ui.type("Add employee=>employee.name", LIN);
        ui.type("Add employee=>employee.department", "Cast");
        ui.check("Add employee=>employee.consent", true);
        ui.screenshot(shots.resolve("employee-add.png"));
        ui.click("Add employee=>text:OK");
        ui.row("employees.table", LIN);
        ui.click("employees.photos");
        ui.choose(video.resolve("ref_lin_manuel_miranda.png"));
        awaitTemplates(ui, LIN);
    }

    /** Until the Employees list shows templates for {@code name} (the enrolment runs in the background). */
    private static void awaitTemplates(UiDriver ui, String name) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (List<String> row : ui.table("employees.table")) {
                if (row.get(1).equals(name) && !row.get(4).equals("0")) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no templates of " + name + " in the Employees list: " + ui.table("employees.table")
                + "; summary: " + ui.text("employees.summary"));
    }

    private static void shiftAndHoliday(SuiteProcess suite, UiDriver ui, LocalDate holiday, Path shots) throws Exception {
        show(suite, ui, "shifts", "shifts.name");
        ui.type("shifts.name", "late");
        ui.type("shifts.start", "13:00");
        ui.type("shifts.end", "21:00");
        ui.click("shifts.save");
        ui.waitText("shifts.status", "late", 60);
        ui.tab("shifts.tabs", "Holidays");
        ui.type("holidays.date", holiday.toString());
        ui.type("holidays.name", "Founders' Day");
        ui.click("holidays.add");
        ui.waitText("shifts.status", "Founders", 60);
        assertEquals(List.of(List.of(holiday.toString(), "Founders' Day")), ui.table("holidays.table"));
        ui.screenshot(shots.resolve("shifts-holidays.png"));
        ui.tab("shifts.tabs", "Shifts");
        assertEquals(List.of("day", "late"), ui.table("shifts.table").stream().map(r -> r.get(0)).sorted().toList());
    }

    private static void everyWindow(SuiteProcess suite, UiDriver ui, Path shots, String suffix) throws Exception {
        for (List<String> w : WINDOWS) {
            show(suite, ui, w.get(0), w.get(1));
            ui.screenshot(shots.resolve(w.get(0) + suffix + ".png"));
        }
    }

    /**
     * Brings a window to the front. Two ways, both the suite's own: {@code --show} as a desktop
     * shortcut does (a second launch that hands the option to the running suite, 2-5 s each), for
     * the first window of each start; then in the running suite what {@code --show} does there (the
     * window system opens and activates it). Not the Window menu or the Ctrl+digit shortcuts: under
     * Xvfb without a window manager, once a modal dialog has closed the frame's menus open as popups
     * that never show, and a focus change stays pending and holds the keys back.
     */
    private static void show(SuiteProcess suite, UiDriver ui, String window, String shownComponent) throws Exception {
        if (suite.handedOver()) {
            ui.open(ShowOptions.windowId(window));
        } else {
            suite.handOver("--show", window);
        }
        ui.waitFor(shownComponent);
    }

    private static List<String> namesIn(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(0)).sorted().toList();
    }

    /**
     * A site zone where it is now between 02:00 and 07:00: after the day's window opens (01:00 for a
     * 09:00–17:00 shift) and well before its start, so Alex, on the first start's day shift, is
     * present and not late whenever the test runs (on a day off, a pass also counts present).
     */
    static ZoneId zoneBeforeTheShift() {
        Instant now = Instant.now();
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted()
                .map(ZoneId::of).filter(z -> {
                    int h = ZonedDateTime.ofInstant(now, z).getHour();
                    return h >= 2 && h < 7;
                }).findFirst().orElseThrow();
    }

    private static void assertNoErrors(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("SEVERE")) {
            first++;
        }
        assertFalse(first < lines.size(), "errors in the suite's log " + log + ":\n"
                + String.join("\n", lines.subList(first, Math.min(lines.size(), first + 25))));
    }
}
