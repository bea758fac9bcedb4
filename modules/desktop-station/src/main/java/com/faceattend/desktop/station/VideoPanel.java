package com.faceattend.desktop.station;

import com.faceattend.desktop.support.FrameImages;
import com.faceattend.engine.station.FrameAnalysis;
import com.faceattend.engine.station.TrackState;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * The live picture with a box per tracked face: green = recognised, amber = still deciding,
 * red = unknown or failed liveness; under it the name (or "Unknown"), similarity and live score.
 * Painted on the Swing thread from the latest frame only (older ones are dropped, never queued).
 */
final class VideoPanel extends JComponent {
    private static final long serialVersionUID = 1L;
    private static final Color RECOGNISED = new Color(0x2E, 0xB8, 0x4B);
    private static final Color DECIDING = new Color(0xF5, 0xA6, 0x23);
    private static final Color ALERT = new Color(0xE0, 0x3C, 0x31);

    private transient BufferedImage image;
    private transient List<FrameAnalysis.FaceView> faces = List.of();
    private String placeholder;

    VideoPanel(String placeholder) {
        this.placeholder = placeholder;
        setPreferredSize(new Dimension(800, 500));
        setOpaque(true);
        setBackground(new Color(0x1E, 0x22, 0x27));
    }

    void show(FrameImage frame, List<FrameAnalysis.FaceView> views) {
        image = FrameImages.toImage(frame, image);
        faces = views;
        repaint();
    }

    /** The text shown while there is no picture; a picture still showing stays. */
    void setPlaceholder(String text) {
        placeholder = text;
        if (image == null) {
            repaint();
        }
    }

    void clear(String text) {
        image = null;
        faces = List.of();
        placeholder = text;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setColor(getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (image == null) {
                g.setColor(new Color(0xB0, 0xB8, 0xC0));
                g.setFont(getFont().deriveFont(Font.PLAIN, 16f));
                FontMetrics fm = g.getFontMetrics();
                List<String> lines = wrap(placeholder, fm, getWidth() - 48);
                int y = (getHeight() - lines.size() * fm.getHeight()) / 2 + fm.getAscent();
                for (String line : lines) {
                    g.drawString(line, (getWidth() - fm.stringWidth(line)) / 2, y);
                    y += fm.getHeight();
                }
                return;
            }
            double scale = Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
            int w = (int) Math.round(image.getWidth() * scale), h = (int) Math.round(image.getHeight() * scale);
            int ox = (getWidth() - w) / 2, oy = (getHeight() - h) / 2;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, ox, oy, w, h, null);
            g.setFont(getFont().deriveFont(Font.BOLD, 13f));
            for (FrameAnalysis.FaceView f : faces) {
                paintFace(g, f, scale, ox, oy, getHeight());
            }
        } finally {
            g.dispose();
        }
    }

    /** Breaks {@code text} at spaces into lines at most {@code width} wide (a longer word gets a line of its own). */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && fm.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void paintFace(Graphics2D g, FrameAnalysis.FaceView f, double scale, int ox, int oy, int panelHeight) {
        FaceBox b = f.box();
        int x = ox + (int) Math.round(b.x() * scale), y = oy + (int) Math.round(b.y() * scale);
        int w = (int) Math.round(b.width() * scale), h = (int) Math.round(b.height() * scale);
        Color c = colour(f.state());
        g.setColor(c);
        g.setStroke(new BasicStroke(3f));
        g.drawRect(x, y, w, h);
        String text = label(f);
        FontMetrics fm = g.getFontMetrics();
        int tw = fm.stringWidth(text) + 10, th = fm.getHeight() + 4;
        // above the box (where it hides no other face's box), below when the box touches the top
        int ty = y - th >= 0 ? y - th : Math.min(panelHeight - th, y + h);
        g.fillRect(x - 1, ty, tw, th);
        g.setColor(Color.WHITE);
        g.drawString(text, x + 4, ty + fm.getAscent() + 2);
    }

    static Color colour(TrackState state) {
        return switch (state) {
            case RECOGNISED -> RECOGNISED;
            case STRANGER, SPOOF -> ALERT;
            default -> DECIDING;
        };
    }

    static String label(FrameAnalysis.FaceView f) {
        boolean blank = f.label() == null || f.label().isBlank();
        String who = blank ? (f.state() == TrackState.TRACKING ? "Checking…" : "Unknown") : f.label();
        StringBuilder s = new StringBuilder(who);
        if (!Float.isNaN(f.similarity())) {
            s.append(String.format(Locale.ROOT, "  sim %.2f", f.similarity()));
        }
        if (!Float.isNaN(f.liveScore())) {
            s.append(String.format(Locale.ROOT, "  live %.2f", f.liveScore()));
        }
        return s.toString();
    }
}
