package com.faceattend.desktop.support;

import com.faceattend.spi.Problem;
import com.faceattend.suite.DataFolder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle;
import org.openide.windows.WindowManager;

/**
 * Shows what went wrong and what to do about it. The dialog never contains a stack trace; the
 * full trace goes to the log for support.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** Logs {@code failure} and shows its problem and fix; callable from any thread. */
    @NbBundle.Messages("TITLE_Problem=FaceAttend")
    public static void show(String doing, Throwable failure) {
        // The trace only at FINE: the platform flags logged traces to users as errors.
        LOG.log(Level.FINE, doing, failure);
        show(doing, Problem.of(failure));
    }

    @NbBundle.Messages({"# {0} - what the user was doing", "# {1} - problem", "# {2} - fix",
        "MSG_Problem=<html><body style='width:420px'><b>Could not {0}.</b><br><br>{1}<br><br><b>What to do:</b> {2}</body></html>",
        "# {0} - fix", "# {1} - log folder", "FIX_Internal={0} The log is in {1}."})
    public static void show(String doing, Problem p) {
        LOG.log(Level.INFO, "{0}: {1}", new Object[] {doing, p.sentence()});
        String fix = p.kind() == Problem.Kind.INTERNAL
                ? Bundle.FIX_Internal(sentence(p.fix()), DataFolder.resolve().resolve("logs")) : sentence(p.fix());
        NotifyDescriptor nd = new NotifyDescriptor.Message(
                Bundle.MSG_Problem(escape(doing), escape(sentence(p.problem())), escape(fix)), messageType(p.kind()));
        nd.setTitle(Bundle.TITLE_Problem());
        // Never before the main window: a dialog from start-up work would otherwise float alone.
        WindowManager.getDefault().invokeWhenUIReady(() -> DialogDisplayer.getDefault().notifyLater(nd));
    }

    /** What the user did wrong is a warning; what failed under them is an error; a cancel is news. */
    static int messageType(Problem.Kind kind) {
        return switch (kind) {
            case BAD_VALUE, BAD_INPUT, NOT_FOUND, REFUSED -> NotifyDescriptor.WARNING_MESSAGE;
            case CANCELLED -> NotifyDescriptor.INFORMATION_MESSAGE;
            case STORE_UNAVAILABLE, MODEL_UNAVAILABLE, SOURCE_UNAVAILABLE, INTERNAL -> NotifyDescriptor.ERROR_MESSAGE;
        };
    }

    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
