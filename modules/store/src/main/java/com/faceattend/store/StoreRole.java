package com.faceattend.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles an account can hold. Each is a Derby SQL role (see {@code db/security/roles.sql}) whose
 * GRANTs the database enforces, whatever program connects; an account holds exactly one.
 */
public enum StoreRole {
    ADMIN("administrator: everything, including user accounts"),
    HR("HR: employees, enrolment, consent, schedules, corrections, reports"),
    SECURITY("security: stations, alerts and strangers"),
    STATION("station device: reads the gallery, records passes and alerts, nothing else"),
    AUDITOR("auditor: reads everything (the audit log too) but face templates, changes nothing");

    private final String description;

    StoreRole(String description) {
        this.description = description;
    }

    /** The Derby role name (FA_ADMIN, ...). */
    public String sqlRole() {
        return "FA_" + name();
    }

    public String description() {
        return description;
    }

    /** The role named by {@code text} (admin, HR, FA_SECURITY, ... in any case). */
    public static Optional<StoreRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        String bare = t.startsWith("FA_") ? t.substring(3) : t;
        return Arrays.stream(values()).filter(r -> r.name().equals(bare)).findFirst();
    }
}
