package com.faceattend.desktop.uitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.AuditQuery;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreLogin;
import com.faceattend.store.StoreRole;
import com.faceattend.store.UserAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 in the real window: on a database with accounts the desktop signs in (here unattended,
 * from an owner-only credentials file), shows the windows of the account's role and refuses the
 * others; a wrong password gets a clear dialog and is audited. Screenshots: signed-in-hr.png,
 * signed-in-security.png, sign-in-wrong-password.png.
 */
class SignInUiTest {
    static final String PW = "tall ship 77";

    @TempDir
    Path tmp;

    @Test
    void hrAndSecuritySeeTheirWindowsAndAWrongPasswordIsRefusedAndAudited() throws Exception {
        SuiteProcess.requireBuilt();
        Path shots = SuiteProcess.screenshots();
        Path data = tmp.resolve("data");
        Path db = data.resolve("db");
        DerbyAttendanceStore.openEmbedded(db).close();
        UserAccounts.initialise(db, "boss", PW);
        try (DerbyAttendanceStore admin = DerbyAttendanceStore.openEmbedded(db, StoreLogin.user("boss", PW))) {
            admin.userAccounts().add("hilda", StoreRole.HR, PW);
            admin.userAccounts().add("sam", StoreRole.SECURITY, PW);
        }
        try (VirtualDisplay display = VirtualDisplay.start(tmp.resolve("xvfb.log"))) {
            signInAndShow(display, tmp.resolve("hr"), data, credentials("hilda", PW), "HR", "alerts", "employees",
                    shots.resolve("signed-in-hr.png"));
            signInAndShow(display, tmp.resolve("security"), data, credentials("sam", PW), "SECURITY", "employees", "alerts",
                    shots.resolve("signed-in-security.png"));

            Path work = Files.createDirectories(tmp.resolve("wrong"));
            SuiteProcess suite = SuiteProcess.launch(display, work, data, "-J-Dfaceattend.credentials=" + credentials("hilda", "not her password 1"));
            try {
                String refused = suite.waitForLog(Pattern.compile("sign-in refused: .*"));
                assertTrue(refused.contains("wrong user name or password"), refused);
                Thread.sleep(2000);
                SuiteProcess.grab(display, shots.resolve("sign-in-wrong-password.png"));
            } finally {
                suite.stop();
            }
        }
        try (DerbyAttendanceStore owner = DerbyAttendanceStore.openEmbedded(db, StoreLogin.owner())) {
            assertEquals(1, owner.listAudit(new AuditQuery(null, null, "hilda", "login-failed", 10)).size());
            assertEquals(1, owner.listAudit(new AuditQuery(null, null, "sam", "login", 10)).size());
        }
    }

    private void signInAndShow(VirtualDisplay display, Path work, Path data, Path credentials, String role, String refusedWindow,
            String allowedWindow, Path shot) throws Exception {
        Files.createDirectories(work);
        SuiteProcess suite = SuiteProcess.launch(display, work, data, "-J-Dfaceattend.credentials=" + credentials);
        try {
            suite.waitForLog(Pattern.compile("signed in as \\w+ \\(" + role + "\\)"));
            suite.waitForLog(Pattern.compile("windows for " + role + ": "));
            suite.handOver("--show", refusedWindow);
            suite.waitForLog(Pattern.compile("window \\w+ refused: it is for "));
            suite.handOver("--show", allowedWindow);
            Thread.sleep(2500);
            SuiteProcess.grab(display, shot);
        } finally {
            suite.stop();
        }
    }

    private Path credentials(String user, String password) throws Exception {
        Path f = tmp.resolve(user + "-" + Math.abs(password.hashCode()) + ".cred");
        Files.writeString(f, "user=" + user + "\npassword=" + password + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }
}
