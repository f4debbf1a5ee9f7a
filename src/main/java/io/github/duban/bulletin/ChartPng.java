package io.github.duban.bulletin;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Draws the bulletin's score chart as a PNG (Java2D, off screen), the same pixels for the same chart. */
final class ChartPng {
    /** Pixels per chart unit: drawn at twice the size for print. */
    static final int SCALE = 2;

    private static final List<String> CJK_FONTS = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
            "SimHei", "WenQuanYi Micro Hei", "PingFang SC");

    private static volatile String family;

    private ChartPng() {
    }

    static byte[] png(Bulletin.Chart c) {
        int w = c.width() * SCALE;
        int h = c.height() * SCALE;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(SCALE, SCALE);
            Font small = new Font(family(), Font.PLAIN, 11);
            Font label = new Font(family(), Font.PLAIN, 12);
            g.setStroke(new BasicStroke(1f));
            for (Bulletin.Tick t : c.ticks()) {
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(t.x(), 4, t.x(), c.height() - 20);
                g.setColor(new Color(0x666666));
                g.setFont(small);
                String v = String.valueOf(t.value());
                FontMetrics fm = g.getFontMetrics();
                g.drawString(v, t.x() - fm.stringWidth(v) / 2, c.height() - 6);
            }
            g.setColor(new Color(0x888888));
            g.drawLine(c.left(), 4, c.left(), c.height() - 20);
            g.setFont(label);
            FontMetrics fm = g.getFontMetrics();
            for (Bulletin.Bar b : c.bars()) {
                g.setColor(new Color(0x222222));
                g.drawString(b.unit(), c.left() - 8 - fm.stringWidth(b.unit()), b.y() + 13);
                g.setColor(Color.decode(b.colour()));
                g.fillRect(c.left(), b.y(), b.length(), 18);
                g.setColor(new Color(0x222222));
                g.drawString(b.score(), c.left() + b.length() + 5, b.y() + 13);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first CJK font installed, else the logical SansSerif font (which maps CJK through fontconfig). */
    static String family() {
        String f = family;
        if (f == null) {
            Set<String> installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .collect(Collectors.toSet());
            f = CJK_FONTS.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
            family = f;
        }
        return f;
    }
}
