package com.faceattend.desktop.uitest;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.File;
import javax.imageio.ImageIO;

/** Saves the whole X screen named by $DISPLAY as a PNG; run in its own JVM so the test JVM stays headless. */
public final class ScreenGrab {
    private ScreenGrab() {
    }

    public static void main(String[] args) throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration().getBounds();
        ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
    }
}
