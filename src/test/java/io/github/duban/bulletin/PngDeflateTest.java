package io.github.duban.bulletin;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class PngDeflateTest {

    @Test
    void emptyAndOneByteInputsInflateBack() throws DataFormatException {
        assertThat(inflate(PngDeflate.deflate(new byte[0]))).isEmpty();
        for (int b = 0; b < 256; b++) {
            byte[] one = {(byte) b};
            assertThat(inflate(PngDeflate.deflate(one))).as("byte %d", b).isEqualTo(one);
        }
    }

    @Test
    void everyRunLengthAroundTheLongestMatchInflatesBack() throws DataFormatException {
        // runs of 1 to 800 of one byte: one literal, matches of 3..258 and the rest, never a match over 258
        for (int len = 1; len <= 800; len++) {
            byte[] run = new byte[len + 2];
            Arrays.fill(run, 1, len + 1, (byte) 0xA7);
            run[len + 1] = 5;
            assertThat(inflate(PngDeflate.deflate(run))).as("run of %d", len).isEqualTo(run);
        }
    }

    @Test
    void randomBytesWithRunsInflateBack() {
        // a list of (value, run length) pairs, runs from 1 to 700 bytes
        Gen<int[]> pair = integers().between(0, 255).zip(integers().between(1, 700), (v, n) -> new int[] {v, n});
        qt().withExamples(300).forAll(lists().of(pair).ofSizeBetween(0, 60)).checkAssert(pairs -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int[] p : pairs) {
                for (int i = 0; i < p[1]; i++) {
                    b.write(p[0]);
                }
            }
            byte[] data = b.toByteArray();
            try {
                assertThat(inflate(PngDeflate.deflate(data))).isEqualTo(data);
            } catch (DataFormatException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void noiseWithoutRunsInflatesBack_atNineBitsAByteAtMost() throws DataFormatException {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        byte[] z = PngDeflate.deflate(noise);
        assertThat(inflate(z)).isEqualTo(noise);
        assertThat(z.length).isLessThanOrEqualTo(noise.length + noise.length / 8 + 16);
    }

    @Test
    void theSampleChartsRowsInflateBack_aboutAsSmallAsZlibs() throws DataFormatException {
        Bulletin.Chart c = SampleYear.bulletin(5).chart();
        byte[] rows = paletteRows(c);
        byte[] runs = PngDeflate.deflate(rows);
        assertThat(inflate(runs)).isEqualTo(rows);
        Deflater d = new Deflater(2);
        d.setInput(rows);
        d.finish();
        byte[] buf = new byte[rows.length];
        int zlib = 0;
        while (!d.finished()) {
            zlib += d.deflate(buf);
        }
        d.end();
        // fixed codes and runs only: within a third of zlib's size on a chart
        assertThat(runs.length).as("runs %d bytes against zlib's %d", runs.length, zlib).isLessThan(zlib * 4 / 3);
    }

    /** The chart's rows as its PNG holds them before deflating: filter byte "up", palette indices. */
    private static byte[] paletteRows(Bulletin.Chart c) throws DataFormatException {
        byte[] png = ChartPng.png(c);
        // IDAT: after the signature (8), IHDR (25) and PLTE (12 + 3 × colours) chunks
        int at = 8 + 25;
        at += 12 + readInt(png, at);
        assertThat(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IDAT");
        int length = readInt(png, at);
        byte[] rows = inflate(Arrays.copyOfRange(png, at + 8, at + 8 + length));
        int[] px = ((DataBufferInt) ChartPng.draw(c).getRaster().getDataBuffer()).getData();
        assertThat(rows.length).isEqualTo(px.length + c.height() * ChartPng.SCALE);
        return rows;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static byte[] inflate(byte[] z) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(z);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("the stream ends before its last block");
                }
                out.write(buf, 0, n);
            }
            assertThat(inf.getRemaining()).as("bytes after the checksum").isZero();
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }
}
