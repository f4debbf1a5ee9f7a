package io.github.duban.bulletin;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart PNG decodes (with ImageIO) to exactly the pixels drawn, the same as the ImageIO-encoded chart before. */
class ChartPngTest {

    @Test
    void theSampleChartDecodesToThePixelsDrawn_asAPaletteImage() throws IOException {
        Bulletin.Chart c = SampleYear.bulletin(5).chart();
        byte[] png = ChartPng.png(c);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertSamePixels(read, ChartPng.draw(c));
        assertSamePixels(read, ImageIO.read(new ByteArrayInputStream(pngAsBefore(c))));
        assertThat(png[25]).as("colour type: palette").isEqualTo((byte) 3);
        assertThat(ChartPng.png(c)).isEqualTo(png);
    }

    @Test
    void theLargePlansChartDecodesToThePixelsDrawn() throws IOException {
        Bulletin.Chart c = LargeBoardDocxTest.LARGE.chart();
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(ChartPng.png(c))), ChartPng.draw(c));
    }

    @Test
    void anImageOfMoreThan256ColoursIsWrittenAsRgb_stillLossless() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | (x + y));
            }
        }
        byte[] png = ChartPng.encode(img);
        assertThat(png[25]).as("colour type: RGB").isEqualTo((byte) 2);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(png)), img);
    }

    /** The chart drawn and encoded as it was before: RGB, ImageIO's default PNG settings. */
    static byte[] pngAsBefore(Bulletin.Chart c) {
        int w = c.width() * ChartPng.SCALE;
        int h = c.height() * ChartPng.SCALE;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(ChartPng.SCALE, ChartPng.SCALE);
            java.awt.Font small = new java.awt.Font(ChartPng.family(), java.awt.Font.PLAIN, 11);
            java.awt.Font label = new java.awt.Font(ChartPng.family(), java.awt.Font.PLAIN, 12);
            g.setStroke(new java.awt.BasicStroke(1f));
            for (Bulletin.Tick t : c.ticks()) {
                g.setColor(new java.awt.Color(0xe0e0e0));
                g.drawLine(t.x(), 4, t.x(), c.height() - 20);
                g.setColor(new java.awt.Color(0x666666));
                g.setFont(small);
                String v = String.valueOf(t.value());
                java.awt.FontMetrics fm = g.getFontMetrics();
                g.drawString(v, t.x() - fm.stringWidth(v) / 2, c.height() - 6);
            }
            g.setColor(new java.awt.Color(0x888888));
            g.drawLine(c.left(), 4, c.left(), c.height() - 20);
            g.setFont(label);
            java.awt.FontMetrics fm = g.getFontMetrics();
            for (Bulletin.Bar b : c.bars()) {
                g.setColor(new java.awt.Color(0x222222));
                g.drawString(b.unit(), c.left() - 8 - fm.stringWidth(b.unit()), b.y() + 13);
                g.setColor(java.awt.Color.decode(b.colour()));
                g.fillRect(c.left(), b.y(), b.length(), 18);
                g.setColor(new java.awt.Color(0x222222));
                g.drawString(b.score(), c.left() + b.length() + 5, b.y() + 13);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int w = expected.getWidth();
        int h = expected.getHeight();
        int[] a = actual.getRGB(0, 0, w, h, null, 0, w);
        int[] e = expected.getRGB(0, 0, w, h, null, 0, w);
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & 0xFFFFFF) != (e[i] & 0xFFFFFF)) {
                differ++;
            }
        }
        assertThat(differ).as("pixels that differ of " + a.length).isZero();
    }
}
