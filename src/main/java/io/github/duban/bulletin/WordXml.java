package io.github.duban.bulletin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing UTF-8 buffer for WordprocessingML written as text: markup is appended as given,
 * element text is escaped the way XmlBeans saves it ({@code &amp;}, {@code &lt;}, {@code &gt;}
 * after {@code ]]}, {@code &#13;} for a carriage return, {@code ?} for a character XML cannot
 * hold), so the part reads exactly as POI's own serialisation would. Not thread-safe: one per
 * document.
 */
final class WordXml {
    private byte[] buf;
    private int size;

    WordXml(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** Markup known to be well formed (tags, attribute values without special characters). */
    WordXml raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Markup known to be well formed, ASCII or not. */
    WordXml raw(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return raw(s.substring(i).getBytes(StandardCharsets.UTF_8));
            }
            buf[size++] = (byte) c;
        }
        return this;
    }

    WordXml raw(int number) {
        return raw(Integer.toString(number));
    }

    WordXml raw(long number) {
        return raw(Long.toString(number));
    }

    /** Element text, escaped. */
    WordXml text(String s) {
        int n = s.length();
        ensure(n * 5 + 16);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 || c == '\t' || c == '\n') {
                    switch (c) {
                        case '&' -> ascii("&amp;");
                        case '<' -> ascii("&lt;");
                        case '>' -> {
                            if (i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']') {
                                ascii("&gt;");
                            } else {
                                buf[size++] = '>';
                            }
                        }
                        default -> buf[size++] = (byte) c;
                    }
                } else if (c == '\r') {
                    ascii("&#13;");
                } else {
                    buf[size++] = '?';
                }
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[size++] = (byte) (0xF0 | (cp >> 18));
                    buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[size++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    buf[size++] = '?';
                }
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                buf[size++] = '?';
            } else {
                buf[size++] = (byte) (0xE0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    int size() {
        return size;
    }

    void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(buf, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
