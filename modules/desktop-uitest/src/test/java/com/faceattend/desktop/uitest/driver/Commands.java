package com.faceattend.desktop.uitest.driver;

import com.faceattend.desktop.uitest.driver.Finder.Locator;
import java.awt.Component;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Window;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.accessibility.Accessible;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListModel;
import javax.swing.UIManager;
import javax.swing.plaf.basic.ComboPopup;
import javax.swing.text.JTextComponent;

/**
 * The driver's commands, one per line: a verb, then its arguments, tab-separated. Every command
 * that acts first waits (up to {@value #WAIT_S} s) for its component to show and be enabled.
 */
final class Commands {
    static final double WAIT_S = 60;
    private Hands hands; // made at the first command: the platform's start-up owns the toolkit before that

    String run(String[] a) throws Exception {
        if (hands == null) {
            hands = new Hands();
        }
        return switch (a[0]) {
            case "click" -> {
                hands.click(usable(a[1]));
                yield "";
            }
            case "type" -> type(a[1], a[2]);
            case "check" -> check(a[1], Boolean.parseBoolean(a[2]));
            case "pick" -> pick(a[1], a[2]);
            case "tab" -> tab(a[1], a[2]);
            case "row" -> row(a[1], a[2], a.length > 3 ? Integer.parseInt(a[3]) : 1);
            case "choose" -> choose(a[1]);
            case "open" -> open(a[1]);
            case "wait" -> {
                showing(a[1], seconds(a, 2));
                yield "";
            }
            case "gone" -> gone(a[1], seconds(a, 2));
            case "text" -> text(Finder.await(WAIT_S, "no " + a[1], () -> Finder.find(Locator.parse(a[1]), false, c -> true)));
            case "waittext" -> waitText(a[1], Pattern.compile(a[2]), seconds(a, 3));
            case "table" -> table(a[1]);
            case "shot" -> {
                hands.screenshot(new File(a[1]));
                yield "";
            }
            case "windows" -> Finder.onEdt(Finder::describeWindows);
            case "look" -> Finder.onEdt(() -> UIManager.getLookAndFeel().getName());
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        };
    }

    private static double seconds(String[] a, int at) {
        return a.length > at ? Double.parseDouble(a[at]) : WAIT_S;
    }

    private static Component showing(String locator, double seconds) throws Exception {
        Locator l = Locator.parse(locator);
        return Finder.await(seconds, "no showing " + l, () -> Finder.find(l, true, c -> true));
    }

    /** Showing and enabled: what a person can click. */
    private static Component usable(String locator) throws Exception {
        Locator l = Locator.parse(locator);
        return Finder.await(WAIT_S, "no showing, enabled " + l, () -> Finder.find(l, true, Component::isEnabled));
    }

    private static String gone(String locator, double seconds) throws Exception {
        Locator l = Locator.parse(locator);
        Finder.await(seconds, l + " still showing", () -> Finder.find(l, true, c -> true) == null ? "" : null);
        return "";
    }

    /**
     * Opens and activates a window by its window-system id, as the suite's own {@code --show}
     * does inside the running suite, without the second launch (2-5 s each). Through reflection:
     * the agent sees only JDK classes, the platform's are found through the Swing thread's
     * context class loader (the platform's system loader).
     */
    private String open(String topComponentId) throws Exception {
        Object shown = Finder.onEdt(() -> {
            ClassLoader platform = Thread.currentThread().getContextClassLoader();
            Class<?> wmClass = Class.forName("org.openide.windows.WindowManager", true, platform);
            Object wm = wmClass.getMethod("getDefault").invoke(null);
            Object tc = wmClass.getMethod("findTopComponent", String.class).invoke(wm, topComponentId);
            if (tc == null) {
                return null;
            }
            tc.getClass().getMethod("open").invoke(tc);
            tc.getClass().getMethod("requestActive").invoke(tc);
            return tc;
        });
        if (shown == null) {
            throw new IllegalArgumentException("no window " + topComponentId);
        }
        hands.settle();
        return "";
    }

    /** Clicks into the field, then replaces its text (as pasting would). */
    private String type(String locator, String text) throws Exception {
        Component c = usable(locator);
        hands.click(c);
        Finder.onEdt(() -> {
            JTextComponent t = c instanceof JComboBox<?> box && box.isEditable() ? (JTextComponent) box.getEditor().getEditorComponent()
                    : (JTextComponent) c;
            t.requestFocusInWindow();
            t.selectAll();
            t.replaceSelection(text);
            return null;
        });
        hands.settle();
        return "";
    }

    private String check(String locator, boolean wanted) throws Exception {
        AbstractButton b = (AbstractButton) usable(locator);
        if (Finder.onEdt(b::isSelected) != wanted) {
            hands.click(b);
        }
        if (Finder.onEdt(b::isSelected) != wanted) {
            throw new IllegalStateException(locator + " did not change on a click");
        }
        return "";
    }

    /** Opens the combo's list with its arrow and clicks the item whose text is {@code item}. */
    private String pick(String locator, String item) throws Exception {
        JComboBox<?> box = (JComboBox<?>) usable(locator);
        int index = Finder.await(WAIT_S, locator + " has no item '" + item + "'", () -> {
            for (int i = 0; i < box.getItemCount(); i++) {
                if (item.equals(String.valueOf(box.getItemAt(i)))) {
                    return i;
                }
            }
            return null;
        });
        Component arrow = Finder.onEdt(() -> {
            for (Component c : box.getComponents()) {
                if (c instanceof JButton) {
                    return c;
                }
            }
            return box;
        });
        hands.click(arrow);
        JList<?> list = Finder.await(10, "the list of " + locator + " did not open", () -> {
            Object popup = box.getAccessibleContext().getAccessibleChild(0);
            return popup instanceof ComboPopup p && p.isVisible() && p.getList().isShowing() ? p.getList() : null;
        });
        Rectangle cell = Finder.onEdt(() -> {
            list.ensureIndexIsVisible(index);
            return list.getCellBounds(index, index);
        });
        hands.click(list, cell, 1);
        Finder.await(10, locator + " did not take '" + item + "'", () -> box.getSelectedIndex() == index ? "" : null);
        return "";
    }

    private String tab(String locator, String titleStart) throws Exception {
        JTabbedPane tabs = (JTabbedPane) usable(locator);
        int index = Finder.await(WAIT_S, locator + " has no tab '" + titleStart + "'", () -> {
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (tabs.getTitleAt(i).startsWith(titleStart)) {
                    return i;
                }
            }
            return null;
        });
        hands.click(tabs, Finder.onEdt(() -> tabs.getBoundsAt(index)), 1);
        Finder.await(10, "tab " + titleStart + " not selected", () -> tabs.getSelectedIndex() == index ? "" : null);
        return "";
    }

    /** Clicks ({@code clicks} times) the first row of a table that has a cell reading {@code cellText}. */
    private String row(String locator, String cellText, int clicks) throws Exception {
        JTable table = (JTable) usable(locator);
        int row = Finder.await(WAIT_S, locator + " has no row with '" + cellText + "'", () -> {
            for (int r = 0; r < table.getRowCount(); r++) {
                for (int c = 0; c < table.getColumnCount(); c++) {
                    if (cellText.equals(String.valueOf(table.getValueAt(r, c)))) {
                        return r;
                    }
                }
            }
            return null;
        });
        hands.click(table, Finder.onEdt(() -> table.getCellRect(row, 0, true)), clicks);
        return "";
    }

    /** In the open file chooser: writes the path into its file name field and presses its approve button. */
    private String choose(String path) throws Exception {
        JFileChooser chooser = Finder.await(WAIT_S, "no file chooser open", () -> {
            for (Window w : Finder.showingWindows()) {
                for (Component c : Finder.descendants(w)) {
                    if (c instanceof JFileChooser f && f.isShowing()) {
                        return f;
                    }
                }
            }
            return null;
        });
        Component field = Finder.onEdt(() -> Finder.descendants(chooser).stream()
                .filter(c -> c instanceof JTextField t && t.isShowing() && t.isEditable()).findFirst().orElseThrow());
        hands.click(field);
        Finder.onEdt(() -> {
            JTextField t = (JTextField) field;
            t.selectAll();
            t.replaceSelection(path);
            return null;
        });
        String approve = Finder.onEdt(() -> chooser.getUI().getApproveButtonText(chooser));
        Component button = Finder.onEdt(() -> Finder.descendants(chooser).stream()
                .filter(c -> c instanceof JButton b && approve.equals(b.getText()) && b.isShowing()).findFirst().orElseThrow());
        hands.click(button);
        Finder.await(WAIT_S, "the file chooser stayed open", () -> chooser.isShowing() ? null : "");
        return "";
    }

    private static String waitText(String locator, Pattern pattern, double seconds) throws Exception {
        Locator l = Locator.parse(locator);
        String[] last = {null};
        try {
            return Finder.await(seconds, "text of " + l, () -> {
                Component c = Finder.find(l, false, x -> true);
                last[0] = c == null ? null : text(c);
                return last[0] != null && pattern.matcher(last[0]).find() ? last[0] : null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.TimeoutException(l + " never matched /" + pattern + "/; last text: " + last[0]);
        }
    }

    private static String text(Component c) throws Exception {
        return Finder.onEdt(() -> switch (c) {
            case AbstractButton b -> b.getText();
            case JLabel l -> l.getText();
            case JTextComponent t -> t.getText();
            case JComboBox<?> box -> String.valueOf(box.getSelectedItem());
            case JList<?> list -> items(list.getModel());
            case Frame f -> f.getTitle();
            default -> c instanceof Accessible a && a.getAccessibleContext() != null ? a.getAccessibleContext().getAccessibleName() : "";
        });
    }

    private static String items(ListModel<?> m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.getSize(); i++) {
            out.add(String.valueOf(m.getElementAt(i)));
        }
        return String.join("\n", out);
    }

    /** The table's model, one line a row, cells separated by U+001F (what the window holds, not its pixels). */
    private static String table(String locator) throws Exception {
        Locator l = Locator.parse(locator);
        JTable table = (JTable) Finder.await(WAIT_S, "no table " + l, () -> Finder.find(l, false, c -> c instanceof JTable));
        return Finder.onEdt(() -> {
            List<String> rows = new ArrayList<>();
            var m = table.getModel();
            for (int r = 0; r < m.getRowCount(); r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < m.getColumnCount(); c++) {
                    cells.add(String.valueOf(m.getValueAt(r, c)));
                }
                rows.add(String.join("\u001f", cells));
            }
            return String.join("\n", rows);
        });
    }
}
