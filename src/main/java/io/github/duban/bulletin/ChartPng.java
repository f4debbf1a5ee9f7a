package io.github.duban.bulletin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Draws the bulletin's score chart as a PNG (Java2D, off screen), the same pixels for the same
 * chart. The chart holds a few flat colours and the text's anti-aliasing ramps, so the PNG is
 * written as a palette image (one byte a pixel, the colours in the order they first appear) when
 * it has at most 256 colours, else as RGB: lossless either way, the pixels drawn are the pixels
 * stored. The encoder is the few chunks PNG needs (IHDR, PLTE, IDAT, IEND) over the JDK's CRC32,
 * the palette rows deflated as runs ({@link PngDeflate}), RGB rows by the JDK's Deflater; ImageIO's
 * PNG writer spent about 60 ms a chart choosing a filter per row.
 */
final class ChartPng {
    /** Pixels per chart unit: drawn at twice the size for print. */
    static final int SCALE = 2;

    private static final List<String> CJK_FONTS = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
            "SimHei", "WenQuanYi Micro Hei", "PingFang SC");

    private static volatile String family;

    private ChartPng() {
    }

    static byte[] png(Bulletin.Chart c) {
        return encode(draw(c));
    }

    /**
     * Called before the first font is looked up: a test makes it throw as a host without fonts
     * (no fontconfig) does. Does nothing otherwise.
     */
    static volatile Runnable beforeFonts = () -> {
    };

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChartPng.class);
    private static volatile boolean warned;

    /**
     * The chart drawn at {@link #SCALE} times its size, as an RGB image. On a host where fonts
     * cannot be had (a server without fontconfig, where java.awt's font manager throws an Error),
     * the bars are drawn without their text and one warning is logged: the bulletin is still written.
     */
    static BufferedImage draw(Bulletin.Chart c) {
        try {
            return drawWithText(c);
        } catch (LinkageError | InternalError | java.awt.AWTError | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("the bulletin's chart is drawn without its text: no font could be had ({}); install fontconfig "
                        + "and a CJK font (fonts-noto-cjk) for the unit names and scores", e.toString());
            }
            return drawWithoutText(c);
        }
    }

    /** The bars and grid alone, set pixel by pixel: no font, no java.awt rendering pipeline. */
    static BufferedImage drawWithoutText(Bulletin.Chart c) {
        int w = c.width() * SCALE;
        int h = c.height() * SCALE;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        fill(img, 0, 0, w, h, 0xffffff);
        for (Bulletin.Tick t : c.ticks()) {
            fill(img, t.x() * SCALE, 4 * SCALE, SCALE, (c.height() - 24) * SCALE, 0xe0e0e0);
        }
        fill(img, c.left() * SCALE, 4 * SCALE, SCALE, (c.height() - 24) * SCALE, 0x888888);
        for (Bulletin.Bar b : c.bars()) {
            fill(img, c.left() * SCALE, b.y() * SCALE, b.length() * SCALE, 18 * SCALE, Integer.decode(b.colour()) & 0xffffff);
        }
        return img;
    }

    private static void fill(BufferedImage img, int x0, int y0, int width, int height, int rgb) {
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + height); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + width); x++) {
                img.setRGB(x, y, rgb);
            }
        }
    }

    private static BufferedImage drawWithText(Bulletin.Chart c) {
        beforeFonts.run();
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
        return img;
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** An RGB image ({@link BufferedImage#TYPE_INT_RGB}, as {@link #draw} makes it) as PNG bytes, lossless. */
    static byte[] encode(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("image type " + img.getType() + " is not TYPE_INT_RGB");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] palette = new int[256];
        byte[] rows = indexed(px, w, h, palette);
        int colours = rows == null ? 0 : count(palette);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) (rows == null ? 2 : 3))
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        if (rows == null) {
            rows = rgb(px, w, h);
        } else {
            byte[] plte = new byte[colours * 3];
            for (int i = 0; i < colours; i++) {
                plte[3 * i] = (byte) (palette[i] >> 16);
                plte[3 * i + 1] = (byte) (palette[i] >> 8);
                plte[3 * i + 2] = (byte) palette[i];
            }
            chunk(out, "PLTE", plte);
        }
        // palette rows filtered by "up" are mostly runs of zeros: deflated as runs; RGB rows by zlib
        chunk(out, "IDAT", colours > 0 ? PngDeflate.deflate(rows) : deflate(rows));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * The rows as palette indices, each row filtered by PNG's "up" filter (type 2: the difference
     * from the row above, so the chart's flat areas become runs of zeros), the colours in
     * {@code palette} in the order they first appear, bit 24 set on each used entry; null when the
     * image has more than 256 colours.
     */
    private static byte[] indexed(int[] px, int w, int h, int[] palette) {
        int[] keys = new int[1024];
        byte[] index = new byte[1024];
        java.util.Arrays.fill(keys, -1);
        byte[] rows = new byte[h * (w + 1)];
        byte[] above = new byte[w];
        byte[] row = new byte[w];
        int n = 0;
        int last = -1;
        byte lastIndex = 0;
        int o = 0;
        for (int y = 0; y < h; y++) {
            int p = y * w;
            if (y > 0 && java.util.Arrays.equals(px, p, p + w, px, p - w, p)) {
                rows[o] = 2;          // the same pixels as the row above: "up" leaves zeros
                o += w + 1;
                continue;
            }
            for (int x = 0; x < w; x++) {
                int c = px[p + x] & 0xFFFFFF;
                if (c != last) {
                    int slot = (c * 0x9E3779B1) >>> 22;
                    while (keys[slot] != -1 && keys[slot] != c) {
                        slot = (slot + 1) & 1023;
                    }
                    if (keys[slot] == -1) {
                        if (n == 256) {
                            return null;
                        }
                        keys[slot] = c;
                        index[slot] = (byte) n;
                        palette[n++] = c | 0x1000000;
                    }
                    last = c;
                    lastIndex = index[slot];
                }
                row[x] = lastIndex;
            }
            rows[o++] = 2;
            for (int x = 0; x < w; x++) {
                rows[o++] = (byte) (row[x] - above[x]);
            }
            byte[] t = above;
            above = row;
            row = t;
        }
        return rows;
    }

    private static int count(int[] palette) {
        int n = 0;
        while (n < palette.length && palette[n] != 0) {
            n++;
        }
        return n;
    }

    /** The rows as RGB bytes, each after its filter byte (0, none). */
    private static byte[] rgb(int[] px, int w, int h) {
        byte[] rows = new byte[h * (3 * w + 1)];
        int o = 0;
        for (int y = 0; y < h; y++) {
            rows[o++] = 0;
            int p = y * w;
            for (int x = 0; x < w; x++) {
                int c = px[p + x];
                rows[o++] = (byte) (c >> 16);
                rows[o++] = (byte) (c >> 8);
                rows[o++] = (byte) c;
            }
        }
        return rows;
    }

    /** Deflated by zlib at level 2 (the RGB rows): measured on a 1360 × 1004 chart, as fast as level 1 and a little smaller; level 6 took three times as long. */
    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(2);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
            byte[] buf = new byte[32 * 1024];
            while (!d.finished()) {
                int k = d.deflate(buf);
                out.write(buf, 0, k);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
