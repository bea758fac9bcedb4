package com.faceattend.desktop.support;

import com.faceattend.store.StoreRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which windows each role sees (by TopComponent preferred id). The database enforces the limits
 * anyway; this only spares people windows whose every action would be refused. Empty role = no
 * accounts yet (or the owner): every window.
 */
public final class RoleWindows {
    static final String EMPLOYEES = "EmployeesTopComponent";
    static final String REPORTS = "ReportsTopComponent";
    static final String STATION = "StationTopComponent";
    static final String ALERTS = "AlertsTopComponent";
    static final String SETTINGS = "SettingsTopComponent";
    static final String PLUGINS = "PluginsTopComponent";
    static final String TODAY = "TodayTopComponent";
    static final String SHIFTS = "ShiftsTopComponent";
    static final String AUDIT = "AuditTopComponent";
    static final String STATIONS = "StationsTopComponent";
    static final String CORRECTIONS = "CorrectionsTopComponent";
    static final String FIRST_START = "FirstStartTopComponent";

    private static final Map<StoreRole, Set<String>> ALLOWED = Map.of(
            StoreRole.ADMIN, Set.of(TODAY, EMPLOYEES, REPORTS, SHIFTS, CORRECTIONS, STATION, ALERTS, SETTINGS, PLUGINS,
                    AUDIT, STATIONS, FIRST_START),
            StoreRole.HR, Set.of(TODAY, EMPLOYEES, REPORTS, SHIFTS, CORRECTIONS),
            StoreRole.SECURITY, Set.of(TODAY, STATION, ALERTS, STATIONS),
            StoreRole.STATION, Set.of(STATION),
            StoreRole.AUDITOR, Set.of(TODAY, REPORTS, AUDIT));

    private RoleWindows() {
    }

    /** Whether {@code role} sees the window {@code preferredId}; windows not listed here are left alone. */
    public static boolean allows(Optional<StoreRole> role, String preferredId) {
        if (role.isEmpty() || !known(preferredId)) {
            return true;
        }
        return ALLOWED.get(role.get()).contains(preferredId);
    }

    /** The roles that see {@code preferredId}, for the refusal message. */
    public static String rolesFor(String preferredId) {
        return String.join(", ", ALLOWED.entrySet().stream().filter(e -> e.getValue().contains(preferredId))
                .map(e -> e.getKey().name()).sorted().toList());
    }

    private static boolean known(String id) {
        return ALLOWED.get(StoreRole.ADMIN).contains(id);
    }
}
