package com.faceattend.desktop.uitest.driver;

import java.awt.AWTEvent;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.swing.JComponent;

/** The mouse and the screen, through {@link Robot}: clicks reach the suite as a person's do, through the X server. */
final class Hands {
    private final Robot robot;
    /** Mouse buttons released in the suite so far, as its event queue delivered them. */
    private final AtomicLong released = new AtomicLong();

    Hands() {
        try {
            robot = new Robot();
        } catch (AWTException e) {
            throw new IllegalStateException("no robot on this display", e);
        }
        robot.setAutoDelay(20);
        Toolkit.getDefaultToolkit().addAWTEventListener(e -> {
            if (e.getID() == MouseEvent.MOUSE_RELEASED) {
                released.incrementAndGet();
            }
        }, AWTEvent.MOUSE_EVENT_MASK);
    }

    /** A left click in the middle of {@code area} (in {@code c}'s coordinates), scrolled into view first. */
    void click(Component c, Rectangle area, int clicks) throws Exception {
        Point p = Finder.onEdt(() -> {
            if (c instanceof JComponent j) {
                j.scrollRectToVisible(area);
            }
            Point o = c.getLocationOnScreen();
            return new Point(o.x + area.x + area.width / 2, o.y + area.y + area.height / 2);
        });
        robot.mouseMove(p.x, p.y);
        long before = released.get();
        for (int i = 0; i < clicks; i++) {
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
        awaitReleases(before + clicks);
        settle();
    }

    /**
     * Until the suite's event queue has delivered the clicks' button releases. Not
     * {@link Robot#waitForIdle()}: on X11 it waits for a quiet event queue, which a window that
     * repaints live (the preview, Today's clock) never has, and took up to 35 s per step.
     */
    private void awaitReleases(long count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (released.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (released.get() < count) {
            throw new IllegalStateException("the click never reached the suite (no mouse release within 10 s)");
        }
    }

    void click(Component c) throws Exception {
        click(c, Finder.onEdt(() -> new Rectangle(0, 0, c.getWidth(), c.getHeight())), 1);
    }

    /** Until the events of the last action are handled (twice: a handler may post more). */
    void settle() throws Exception {
        for (int i = 0; i < 2; i++) {
            Toolkit.getDefaultToolkit().sync();
            EventQueue.invokeAndWait(() -> { });
        }
    }

    /** The whole screen as a PNG, once what is pending has painted. */
    void screenshot(File png) throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration().getBounds();
        robot.mouseMove(screen.x + screen.width - 1, screen.y + screen.height - 1); // no hover effect or tooltip in the picture
        settle();
        Thread.sleep(400); // repaints coalesce on a timer after the queue empties
        if (!ImageIO.write(robot.createScreenCapture(screen), "png", png)) {
            throw new IOException("no PNG writer");
        }
    }
}
