package com.faceattend.desktop.support;

import java.awt.EventQueue;
import java.util.Locale;
import java.util.Map;
import org.netbeans.api.sendopts.CommandException;
import org.netbeans.spi.sendopts.Arg;
import org.netbeans.spi.sendopts.ArgsProcessor;
import org.netbeans.spi.sendopts.Description;
import org.netbeans.spi.sendopts.Env;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * {@code --show today|station|employees|reports|shifts|corrections|alerts|settings|plugins|audit|stations|setup}: brings a window to the front, also in an
 * already running suite (a second launch hands its options over), e.g. from a desktop shortcut.
 */
@NbBundle.Messages({"OPT_Show=Bring a window to the front: today, station, employees, reports, shifts, corrections, alerts, settings, plugins, audit, stations or setup",
    "# {0} - name", "ERR_Show=--show: no window called ''{0}''; use today, station, employees, reports, shifts, corrections, alerts, settings, plugins, audit, stations or setup"})
public final class ShowOptions implements ArgsProcessor {
    private static final Map<String, String> WINDOWS = Map.ofEntries(Map.entry("station", "StationTopComponent"),
            Map.entry("employees", "EmployeesTopComponent"), Map.entry("settings", "SettingsTopComponent"),
            Map.entry("plugins", "PluginsTopComponent"), Map.entry("reports", "ReportsTopComponent"),
            Map.entry("alerts", "AlertsTopComponent"), Map.entry("today", "TodayTopComponent"),
            Map.entry("shifts", "ShiftsTopComponent"), Map.entry("audit", "AuditTopComponent"),
            Map.entry("corrections", "CorrectionsTopComponent"), Map.entry("setup", "FirstStartTopComponent"),
            Map.entry("stations", "StationsTopComponent"));

    /**
     * The window id a {@code --show} name stands for, or null for no such name; also for the UI test,
     * which opens windows in a running suite the way {@code --show} does.
     */
    public static String windowId(String name) {
        return WINDOWS.get(name.toLowerCase(Locale.ROOT));
    }

    @Arg(longName = "show")
    @Description(shortDescription = "#OPT_Show")
    public String window;

    @Override
    public void process(Env env) throws CommandException {
        if (window == null) {
            return;
        }
        String id = windowId(window);
        if (id == null) {
            throw new CommandException(2, Bundle.ERR_Show(window));
        }
        StartupQueue.submit(StartupQueue.Stage.STATION, () -> EventQueue.invokeLater(() -> {
            TopComponent tc = WindowManager.getDefault().findTopComponent(id);
            if (tc != null) {
                tc.open();
                tc.requestActive();
            }
        }));
    }
}
