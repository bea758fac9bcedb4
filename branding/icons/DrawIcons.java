import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws FaceAttend's small window icons (16 px and 32 px for HiDPI) with Java2D. */
public class DrawIcons {
    interface Painter { void paint(Graphics2D g); }
    static final Color BLUE = new Color(0x2F6DB5), RED = new Color(0xC8553D), GREEN = new Color(0x3C8D5A), GREY = new Color(0x6B7280);

    public static void main(String[] a) throws Exception {
        save(a[0] + "/today", g -> { // calendar with a check mark
            g.setColor(BLUE); g.fill(new RoundRectangle2D.Float(1.5f, 3, 13, 11.5f, 3, 3));
            g.setColor(Color.WHITE); g.fill(new Rectangle2D.Float(3, 6.5f, 10, 6.5f));
            g.setColor(BLUE); g.fill(new Rectangle2D.Float(4, 1.5f, 1.8f, 3)); g.fill(new Rectangle2D.Float(10.2f, 1.5f, 1.8f, 3));
            g.setColor(GREEN); g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Path2D.Float() {{ moveTo(5, 9.8); lineTo(7, 11.6); lineTo(11, 7.8); }});
        });
        save(a[0] + "/station", g -> { // camera
            g.setColor(GREY); g.fill(new RoundRectangle2D.Float(1, 4.5f, 14, 9.5f, 3, 3));
            g.fill(new Rectangle2D.Float(5, 2.5f, 6, 3));
            g.setColor(Color.WHITE); g.fill(new Ellipse2D.Float(4.5f, 6, 7, 7));
            g.setColor(BLUE); g.fill(new Ellipse2D.Float(6, 7.5f, 4, 4));
        });
        save(a[0] + "/employees", g -> { // two people
            g.setColor(GREY); g.fill(new Ellipse2D.Float(8.5f, 2, 5, 5)); g.fill(new Arc2D.Float(7, 7.5f, 8, 10, 0, 180, Arc2D.CHORD));
            g.setColor(BLUE); g.fill(new Ellipse2D.Float(2.5f, 3, 5.5f, 5.5f)); g.fill(new Arc2D.Float(0.5f, 9, 9.5f, 11, 0, 180, Arc2D.CHORD));
        });
        save(a[0] + "/reports", g -> { // bar chart
            g.setColor(GREY); g.fill(new Rectangle2D.Float(1, 14, 14, 1.2f));
            g.setColor(BLUE); g.fill(new Rectangle2D.Float(2.5f, 8, 3, 6)); g.fill(new Rectangle2D.Float(6.5f, 3, 3, 11));
            g.setColor(RED); g.fill(new Rectangle2D.Float(10.5f, 6, 3, 8));
        });
        save(a[0] + "/alerts", g -> { // warning triangle
            g.setColor(RED); g.fill(new Path2D.Float() {{ moveTo(8, 1.5); lineTo(15, 14.5); lineTo(1, 14.5); closePath(); }});
            g.setColor(Color.WHITE); g.fill(new Rectangle2D.Float(7.2f, 5.5f, 1.6f, 5)); g.fill(new Ellipse2D.Float(7.1f, 11.5f, 1.8f, 1.8f));
        });
        save(a[0] + "/shifts", g -> { // clock
            g.setColor(BLUE); g.fill(new Ellipse2D.Float(1, 1, 14, 14));
            g.setColor(Color.WHITE); g.fill(new Ellipse2D.Float(2.8f, 2.8f, 10.4f, 10.4f));
            g.setColor(BLUE); g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Path2D.Float() {{ moveTo(8, 4.5); lineTo(8, 8); lineTo(10.8, 9.6); }});
        });
        save(a[0] + "/corrections", g -> { // sheet with a pencil
            g.setColor(GREY); g.fill(new RoundRectangle2D.Float(1.5f, 1, 10, 14, 2, 2));
            g.setColor(Color.WHITE); g.fill(new Rectangle2D.Float(3, 2.5f, 7, 11));
            g.setColor(GREY); g.fill(new Rectangle2D.Float(4, 4.5f, 5, 1)); g.fill(new Rectangle2D.Float(4, 7, 4, 1));
            AffineTransform t = g.getTransform(); g.rotate(Math.PI / 4, 11, 9);
            g.setColor(RED); g.fill(new Rectangle2D.Float(9.6f, 2.5f, 2.8f, 9));
            g.setColor(GREY); g.fill(new Path2D.Float() {{ moveTo(9.6, 11.5); lineTo(12.4, 11.5); lineTo(11, 14.5); closePath(); }});
            g.setTransform(t);
        });
        save(a[0] + "/settings", g -> { // gear
            g.setColor(GREY);
            for (int i = 0; i < 8; i++) {
                AffineTransform t = g.getTransform(); g.rotate(Math.PI / 4 * i, 8, 8);
                g.fill(new Rectangle2D.Float(6.8f, 0.8f, 2.4f, 3.5f)); g.setTransform(t);
            }
            g.fill(new Ellipse2D.Float(2.8f, 2.8f, 10.4f, 10.4f));
            g.setColor(Color.WHITE); g.fill(new Ellipse2D.Float(5.8f, 5.8f, 4.4f, 4.4f));
        });
    }

    static void save(String base, Painter p) throws Exception {
        for (int scale : new int[] {1, 2}) {
            BufferedImage img = new BufferedImage(16 * scale, 16 * scale, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            p.paint(g);
            g.dispose();
            ImageIO.write(img, "png", new File(base + (scale == 1 ? "" : "@2x") + ".png"));
        }
    }
}
