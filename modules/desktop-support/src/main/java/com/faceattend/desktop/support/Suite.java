package com.faceattend.desktop.support;

import com.faceattend.suite.SuiteServices;
import org.openide.util.Lookup;

/** The suite's engine services, as registered in the global Lookup. */
public final class Suite {
    private Suite() {
    }

    public static SuiteServices services() {
        SuiteServices s = Lookup.getDefault().lookup(SuiteServices.class);
        if (s == null) {
            throw new IllegalStateException("the FaceAttend suite services module is not installed");
        }
        return s;
    }

    /** Who did it, for the audit log. */
    public static String actor() {
        return "desktop:" + System.getProperty("user.name", "unknown");
    }
}
