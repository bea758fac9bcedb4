package com.faceattend.desktop.uitest.driver;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Window;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.swing.AbstractButton;
import javax.swing.JLabel;

/**
 * Finds components in the suite's windows, always on the Swing thread. A locator is a component
 * name ({@code settings.save}), or {@code text:Label} for a button or label by its text, either
 * optionally scoped to a window by the start of its title ({@code Add employee=>text:OK}).
 */
final class Finder {
    private Finder() {
    }

    record Locator(String window, String name, String text) {
        static Locator parse(String s) {
            String window = null;
            int scope = s.indexOf("=>");
            if (scope >= 0) {
                window = s.substring(0, scope);
                s = s.substring(scope + 2);
            }
            return s.startsWith("text:") ? new Locator(window, null, s.substring(5)) : new Locator(window, s, null);
        }

        boolean matches(Component c) {
            if (name != null) {
                return name.equals(c.getName());
            }
            return text.equals(c instanceof AbstractButton b ? b.getText() : c instanceof JLabel l ? l.getText() : null);
        }

        boolean inWindow(Window w) {
            return window == null || title(w).startsWith(window);
        }

        @Override
        public String toString() {
            return (window == null ? "" : window + "=>") + (name != null ? name : "text:" + text);
        }
    }

    static String title(Window w) {
        String t = w instanceof Frame f ? f.getTitle() : w instanceof Dialog d ? d.getTitle() : null;
        return t == null ? "" : t;
    }

    /** Runs {@code work} on the Swing thread and returns its result; its exception is rethrown. */
    static <T> T onEdt(Callable<T> work) throws Exception {
        if (EventQueue.isDispatchThread()) {
            return work.call();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            EventQueue.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** The showing windows, newest first (a dialog before the frame it covers). */
    static List<Window> showingWindows() {
        List<Window> all = new ArrayList<>(List.of(Window.getWindows()));
        java.util.Collections.reverse(all);
        all.removeIf(w -> !w.isShowing());
        return all;
    }

    /**
     * The first component matching {@code l} that passes {@code test} in a showing window; with
     * {@code showingOnly} false also on a tab or card that is not in front (to read a model).
     */
    static Component find(Locator l, boolean showingOnly, Predicate<Component> test) {
        Component hidden = null;
        for (Window w : showingWindows()) {
            if (!l.inWindow(w)) {
                continue;
            }
            for (Component c : descendants(w)) {
                if (l.matches(c) && test.test(c)) {
                    if (c.isShowing()) {
                        return c;
                    }
                    if (hidden == null) {
                        hidden = c;
                    }
                }
            }
        }
        return showingOnly ? null : hidden;
    }

    static List<Component> descendants(Container root) {
        List<Component> out = new ArrayList<>();
        List<Component> todo = new ArrayList<>(List.of(root.getComponents()));
        while (!todo.isEmpty()) {
            Component c = todo.remove(0);
            out.add(c);
            if (c instanceof Container k) {
                todo.addAll(List.of(k.getComponents()));
            }
        }
        return out;
    }

    /** Waits up to {@code seconds} for {@code query} (run on the Swing thread) to give a non-null answer. */
    static <T> T await(double seconds, String what, Callable<T> query) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            T t = onEdt(query);
            if (t != null) {
                return t;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what + " within " + seconds + " s; showing windows: " + onEdt(Finder::describeWindows));
            }
            Thread.sleep(100);
        }
    }

    static String describeWindows() {
        List<String> titles = new ArrayList<>();
        for (Window w : showingWindows()) {
            titles.add("'" + title(w) + "' (" + w.getClass().getSimpleName() + ")");
        }
        return String.join(", ", titles);
    }
}
