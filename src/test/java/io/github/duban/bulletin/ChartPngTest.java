package io.github.duban.bulletin;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart PNG decodes (with ImageIO) to exactly the pixels drawn, the same as the ImageIO-encoded chart before. */
class ChartPngTest {

    @Test
    void theSampleChartDecodesToThePixelsDrawn_asAPaletteImage() throws IOException {
        Bulletin.Chart c = SampleYear.bulletin(5).chart();
        byte[] png = ChartPng.png(c);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertSamePixels(read, ChartPng.draw(c));
        assertSamePixels(read, ImageIO.read(new ByteArrayInputStream(PoiDocxReference.pngAsBefore(c))));
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
