package io.rapport.it.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A drawn head-and-shoulders portrait (PNG) for the officer's photo in browser tests and screenshots. */
public final class Portraits {
    private Portraits() {
    }

    public static byte[] officer() {
        int size = 320;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xDCE6F2), 0, size, new Color(0x9FB4CC)));
        g.fillRect(0, 0, size, size);
        Path2D suit = new Path2D.Double();
        suit.moveTo(40, size);
        suit.curveTo(50, 250, 95, 225, 160, 222);
        suit.curveTo(225, 225, 270, 250, 280, size);
        suit.closePath();
        g.setColor(new Color(0x23344D));
        g.fill(suit);
        Path2D shirt = new Path2D.Double();
        shirt.moveTo(135, 224);
        shirt.lineTo(160, 290);
        shirt.lineTo(185, 224);
        shirt.closePath();
        g.setColor(Color.WHITE);
        g.fill(shirt);
        g.setColor(new Color(0xE0AC8A));
        g.fillRoundRect(142, 185, 36, 45, 14, 14);
        g.fill(new Ellipse2D.Double(112, 92, 96, 112));
        g.setColor(new Color(0x4A3426));
        Path2D hair = new Path2D.Double();
        hair.moveTo(108, 150);
        hair.curveTo(100, 80, 150, 70, 165, 78);
        hair.curveTo(215, 75, 222, 120, 212, 152);
        hair.curveTo(205, 118, 170, 110, 150, 112);
        hair.curveTo(128, 115, 114, 125, 108, 150);
        g.fill(hair);
        g.setColor(new Color(0x8C5E45));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawArc(142, 160, 36, 16, 200, 140);
        g.dispose();
        return png(image);
    }

    /** A partner's logo: a rounded square in the brokerage's colour with its initials. */
    public static byte[] logo(String initials) {
        int size = 128;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(0xC2410C));
        g.fillRoundRect(8, 8, size - 16, size - 16, 28, 28);
        g.setColor(Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 52));
        java.awt.FontMetrics metrics = g.getFontMetrics();
        g.drawString(initials, (size - metrics.stringWidth(initials)) / 2, (size + metrics.getAscent()) / 2 - 8);
        g.dispose();
        return png(image);
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
