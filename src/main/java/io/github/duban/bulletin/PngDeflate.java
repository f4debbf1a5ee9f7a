package io.github.duban.bulletin;

import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950) of one deflate block with the fixed Huffman codes (RFC 1951 §3.2.6)
 * whose only matches are runs: each run of one byte value is that byte once, then copies of it at
 * distance 1. This is what PNG rows filtered by "up" are made of, mostly zeros where a row repeats
 * the one above; for them it is about four times as fast as {@link java.util.zip.Deflater} at its
 * fastest levels (which hashes every position) and a few per cent larger (docs/decisions.md S39).
 * Any inflater reads it; the same input gives the same bytes. Stateless; thread-safe.
 */
final class PngDeflate {

    /** The fixed Huffman code of each literal/length symbol 0..287, bits reversed (deflate writes codes from their top bit). */
    private static final int[] CODE = new int[288];
    /** The length in bits of each of those codes. */
    private static final int[] BITS = new int[288];
    /** The shortest match length of each length symbol 257..285. */
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
        115, 131, 163, 195, 227, 258};
    /** The extra bits after each length symbol 257..285. */
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    private static final int END_OF_BLOCK = 256;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;

    static {
        for (int s = 0; s < 288; s++) {
            int code;
            int bits;
            if (s < 144) {
                code = 0x30 + s;
                bits = 8;
            } else if (s < 256) {
                code = 0x190 + s - 144;
                bits = 9;
            } else if (s < 280) {
                code = s - 256;
                bits = 7;
            } else {
                code = 0xC0 + s - 280;
                bits = 8;
            }
            CODE[s] = Integer.reverse(code) >>> (32 - bits);
            BITS[s] = bits;
        }
    }

    private final byte[] out;
    private int size;
    private long pending;
    private int pendingBits;

    private PngDeflate(int capacity) {
        out = new byte[capacity];
    }

    /** {@code data} as a zlib stream. */
    static byte[] deflate(byte[] data) {
        // at worst 9 bits a byte, plus the header, the block's end and the checksum
        PngDeflate z = new PngDeflate(data.length + data.length / 8 + 16);
        z.out[z.size++] = 0x78;          // deflate, 32 K window
        z.out[z.size++] = 0x01;          // fastest; (0x78 << 8 | 0x01) is a multiple of 31
        z.write(1, 1);                   // the last block
        z.write(1, 2);                   // fixed Huffman codes
        int n = data.length;
        int i = 0;
        while (i < n) {
            byte b = data[i];
            int end = i + 1;
            if (end < n && data[end] == b) {
                int m = Arrays.mismatch(data, i + 1, n, data, i, n - 1);
                end = m < 0 ? n : i + 1 + m;
            }
            z.symbol(b & 0xFF);
            int copies = end - i - 1;
            while (copies >= MIN_MATCH) {
                int len = Math.min(copies, MAX_MATCH);
                if (copies - len > 0 && copies - len < MIN_MATCH) {
                    len -= MIN_MATCH;    // leave a whole match for the rest, not one or two literals
                }
                z.match(len);
                copies -= len;
            }
            for (; copies > 0; copies--) {
                z.symbol(b & 0xFF);
            }
            i = end;
        }
        z.symbol(END_OF_BLOCK);
        if (z.pendingBits > 0) {
            z.out[z.size++] = (byte) z.pending;
        }
        Adler32 adler = new Adler32();
        adler.update(data);
        int sum = (int) adler.getValue();
        z.out[z.size++] = (byte) (sum >>> 24);
        z.out[z.size++] = (byte) (sum >>> 16);
        z.out[z.size++] = (byte) (sum >>> 8);
        z.out[z.size++] = (byte) sum;
        return Arrays.copyOf(z.out, z.size);
    }

    /** A copy of {@code len} (3..258) bytes from distance 1. */
    private void match(int len) {
        int k = LENGTH_BASE.length - 1;
        while (LENGTH_BASE[k] > len) {
            k--;
        }
        symbol(257 + k);
        if (LENGTH_EXTRA[k] > 0) {
            write(len - LENGTH_BASE[k], LENGTH_EXTRA[k]);
        }
        write(0, 5);                     // distance code 0: distance 1
    }

    private void symbol(int s) {
        write(CODE[s], BITS[s]);
    }

    /** The low {@code bits} bits of {@code value}, lowest first. */
    private void write(int value, int bits) {
        pending |= (long) value << pendingBits;
        pendingBits += bits;
        while (pendingBits >= 8) {
            out[size++] = (byte) pending;
            pending >>>= 8;
            pendingBits -= 8;
        }
    }
}
