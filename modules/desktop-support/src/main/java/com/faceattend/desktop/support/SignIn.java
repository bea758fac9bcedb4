package com.faceattend.desktop.support;

import com.faceattend.spi.Problem;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreLogin;
import java.awt.AWTEvent;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.util.Optional;
import java.util.logging.Logger;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.Timer;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The desktop's sign-in: asked for when the database has accounts (the store refuses to open
 * without one), again after a wrong password (which the store audits), and after the desktop sat
 * idle for {@code -Dfaceattend.lockAfterMinutes} (default 10; 0 = never). After signing in, windows
 * the account's role does not see are closed, and refused if opened again.
 */
public final class SignIn {
    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
    private static volatile long lastActivity = System.currentTimeMillis();
    private static Timer idleTimer;
    private static boolean guarding;
    private static volatile boolean triedFile;

    private SignIn() {
    }

    /**
     * Opens the store, asking for an account as long as the database wants one. Runs off the Swing
     * thread. An unattended PC (a kiosk station) signs in from the owner-only credentials file named
     * by {@code -Dfaceattend.credentials=FILE}, as the command line's {@code --credentials}.
     */
    static DerbyAttendanceStore openStore() throws Exception {
        String file = System.getProperty("faceattend.credentials");
        if (file != null && !file.isBlank() && !triedFile) {
            triedFile = true;
            Suite.services().signIn(StoreLogin.fromFile(java.nio.file.Path.of(file)));
        }
        while (true) {
            try {
                DerbyAttendanceStore store = Suite.services().store();
                LOG.info(() -> store.hasAccounts() ? "signed in as " + store.account().orElse("the owner") + " ("
                        + store.role().map(Enum::name).orElse("all roles") + ")" : "the database has no accounts: no sign-in");
                java.awt.EventQueue.invokeLater(() -> applyRole(store));
                return store;
            } catch (Problem p) {
                if (p.kind() != Problem.Kind.REFUSED || !needsAccount(p)) {
                    throw p;
                }
                if (needsAccountAfterFailure(p)) {
                    LOG.info(() -> "sign-in refused: " + p.getMessage());
                    showOnSwing(NbBundle.getMessage(SignIn.class, "MSG_SignInRefused", p.getMessage(), p.fix()));
                }
                Optional<StoreLogin> login = askOnSwing();
                if (login.isEmpty()) {
                    throw new Problem(Problem.Kind.CANCELLED, p.getMessage(), NbBundle.getMessage(SignIn.class, "MSG_SignInLater"));
                }
                Suite.services().signIn(login.get());
            }
        }
    }

    private static boolean needsAccount(Problem p) {
        String m = String.valueOf(p.getMessage());
        return m.contains("sign in first") || needsAccountAfterFailure(p);
    }

    private static boolean needsAccountAfterFailure(Problem p) {
        String m = String.valueOf(p.getMessage());
        return m.contains("wrong user name or password") || m.contains("is locked until") || m.contains("is disabled");
    }

    private static void showOnSwing(String text) throws Exception {
        java.awt.EventQueue.invokeAndWait(() -> JOptionPane.showMessageDialog(WindowManager.getDefault().getMainWindow(), text,
                NbBundle.getMessage(SignIn.class, "TITLE_SignIn"), JOptionPane.ERROR_MESSAGE));
    }

    private static Optional<StoreLogin> askOnSwing() throws Exception {
        @SuppressWarnings("unchecked")
        Optional<StoreLogin>[] answer = new Optional[] {Optional.empty()};
        java.awt.EventQueue.invokeAndWait(() -> answer[0] = ask());
        return answer[0];
    }

    /** The sign-in dialog; empty when cancelled. */
    static Optional<StoreLogin> ask() {
        JTextField user = new JTextField(System.getProperty("user.name", ""), 20);
        user.setName("signInUser");
        JPasswordField password = new JPasswordField(20);
        password.setName("signInPassword");
        JPanel panel = new JPanel(new GridLayout(0, 1, 4, 4));
        panel.add(new JLabel(NbBundle.getMessage(SignIn.class, "LBL_User")));
        panel.add(user);
        panel.add(new JLabel(NbBundle.getMessage(SignIn.class, "LBL_Password")));
        panel.add(password);
        password.addAncestorListener(new javax.swing.event.AncestorListener() {
            @Override
            public void ancestorAdded(javax.swing.event.AncestorEvent e) {
                password.requestFocusInWindow();
            }

            @Override
            public void ancestorRemoved(javax.swing.event.AncestorEvent e) {
            }

            @Override
            public void ancestorMoved(javax.swing.event.AncestorEvent e) {
            }
        });
        int choice = JOptionPane.showConfirmDialog(WindowManager.getDefault().getMainWindow(), panel,
                NbBundle.getMessage(SignIn.class, "TITLE_SignIn"), JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        if (choice != JOptionPane.OK_OPTION || user.getText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(StoreLogin.user(user.getText().strip(), new String(password.getPassword())));
    }

    /** Closes the windows the signed-in role does not see, refuses them later, and starts the idle lock. */
    static void applyRole(DerbyAttendanceStore store) {
        if (!store.hasAccounts()) {
            return;
        }
        startIdleLock();
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            String id = WindowManager.getDefault().findTopComponentID(tc);
            if (!RoleWindows.allows(store.role(), id)) {
                tc.close();
            }
        }
        LOG.info(() -> "windows for " + store.role().map(Enum::name).orElse("all roles") + ": " + TopComponent.getRegistry()
                .getOpened().stream().map(tc -> WindowManager.getDefault().findTopComponentID(tc)).sorted().toList());
        if (guarding) {
            return;
        }
        guarding = true;
        TopComponent.getRegistry().addPropertyChangeListener(e -> {
            if (TopComponent.Registry.PROP_TC_OPENED.equals(e.getPropertyName()) && e.getNewValue() instanceof TopComponent tc) {
                String id = WindowManager.getDefault().findTopComponentID(tc);
                var role = Suite.services().store().role();
                if (!RoleWindows.allows(role, id)) {
                    LOG.info(() -> "window " + id + " refused: it is for " + RoleWindows.rolesFor(id));
                    java.awt.EventQueue.invokeLater(() -> {
                        tc.close();
                        JOptionPane.showMessageDialog(WindowManager.getDefault().getMainWindow(),
                                NbBundle.getMessage(SignIn.class, "MSG_WindowNeedsRole", tc.getName() != null ? tc.getName() : id, RoleWindows.rolesFor(id),
                                        role.map(Enum::name).orElse("-")),
                                NbBundle.getMessage(SignIn.class, "TITLE_SignIn"), JOptionPane.INFORMATION_MESSAGE);
                    });
                }
            }
        });
    }

    private static void startIdleLock() {
        int minutes = Integer.getInteger("faceattend.lockAfterMinutes", 10);
        if (minutes <= 0 || idleTimer != null) {
            return;
        }
        Toolkit.getDefaultToolkit().addAWTEventListener(e -> lastActivity = System.currentTimeMillis(),
                AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_EVENT_MASK);
        idleTimer = new Timer(15_000, e -> {
            if (System.currentTimeMillis() - lastActivity >= minutes * 60_000L) {
                lock();
            }
        });
        idleTimer.start();
    }

    /** Idle too long: the store is closed (audited sign-out) until someone signs in again. */
    private static void lock() {
        idleTimer.stop();
        LOG.info("desktop locked after idle time");
        showCover(true);
        Background.run("lock FaceAttend", () -> {
            Suite.services().signIn(StoreLogin.none());
            return openStore();
        }, store -> {
            showCover(false);
            lastActivity = System.currentTimeMillis();
            idleTimer.start();
        });
    }

    /**
     * While locked, an opaque cover over the main window hides names, faces and timesheets that
     * were on the screen; its button asks for an account again if the sign-in was cancelled.
     */
    private static void showCover(boolean locked) {
        if (!(WindowManager.getDefault().getMainWindow() instanceof javax.swing.JFrame frame)) {
            return;
        }
        if (locked) {
            JPanel cover = new JPanel(new java.awt.GridBagLayout());
            cover.setOpaque(true);
            cover.addMouseListener(new java.awt.event.MouseAdapter() { }); // swallows clicks meant for the windows below
            JPanel box = new JPanel(new GridLayout(0, 1, 8, 8));
            box.add(new JLabel(NbBundle.getMessage(SignIn.class, "MSG_Locked")));
            javax.swing.JButton again = new javax.swing.JButton(NbBundle.getMessage(SignIn.class, "BTN_SignInAgain"));
            again.addActionListener(e -> lock());
            box.add(again);
            cover.add(box);
            frame.setGlassPane(cover);
        }
        frame.getGlassPane().setVisible(locked);
    }
}
