package io.github.duban.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which reader a file needs, decided by its content first and its extension second, and the size
 * limits that keep a hostile file from taking unbounded time or memory.
 */
final class Formats {

    enum Format { TEXT, CSV, HTML, DOCX, XLSX, XLS }

    /** A plan's text is a few hundred kilobytes; a saved web page with its inline pictures a few megabytes. */
    static final long MAX_TEXT_BYTES = 16L << 20;
    /** A Word file or workbook with pictures in it. */
    static final long MAX_PACKAGE_BYTES = 64L << 20;

    /** The format and, when the extension says otherwise, a sentence saying so (else null). */
    record Detected(Format format, String mismatch) {
    }

    private Formats() {
    }

    static Detected detect(Path file) {
        String source = file.toString();
        String ext = extension(file);
        long size;
        byte[] head = new byte[4096];
        int n;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new ImportException(source, 0, "cannot read the file: " + e.getMessage());
        }
        if (n == 0) {
            throw new ImportException(source, 0, "the file is empty; expected a plan (.txt .html .docx) or a 责任分解表 (.xlsx .csv)");
        }
        Format format;
        if (startsWith(head, n, 0x50, 0x4B, 0x03, 0x04)) {
            limit(source, size, MAX_PACKAGE_BYTES, "a Word or Excel file");
            format = zipKind(file);
        } else if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            limit(source, size, MAX_PACKAGE_BYTES, "an Excel file");
            if (!ext.equals("xls") && !ext.equals("et")) {
                throw new ImportException(source, 0, "this is an old binary Office file (.doc/.xls), which is read only as an Excel .xls "
                        + "workbook; save a Word .doc as .docx (or as a web page) and import that");
            }
            format = Format.XLS;
        } else if (startsWith(head, n, '%', 'P', 'D', 'F')) {
            throw new ImportException(source, 0, "this is a PDF file, which the importer does not read; import the Word, web page or "
                    + "text version of the plan (or copy its text into a .txt file)");
        } else if (startsWith(head, n, 0x89, 'P', 'N', 'G') || startsWith(head, n, 0xFF, 0xD8, 0xFF) || startsWith(head, n, 'G', 'I', 'F', '8')) {
            throw new ImportException(source, 0, "this is a picture, not a document; expected a plan (.txt .html .docx) or a 责任分解表 (.xlsx .csv)");
        } else {
            boolean utf16 = startsWith(head, n, 0xFF, 0xFE) || startsWith(head, n, 0xFE, 0xFF);
            if (!utf16 && binary(head, n)) {
                throw new ImportException(source, 0, "this is a binary file of an unknown kind, not text, Word, Excel or a web page"
                        + (ext.isEmpty() ? "" : " as its extension ." + ext + " suggests"));
            }
            limit(source, size, MAX_TEXT_BYTES, "a plan's text");
            String start = PlanImporter.decode(java.util.Arrays.copyOf(head, n)).stripLeading().toLowerCase(Locale.ROOT);
            if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml") && start.contains("<html")
                    || (start.startsWith("<") && (start.contains("<body") || start.contains("<head") || start.contains("<div") || start.contains("<p")))) {
                format = Format.HTML;
            } else if (ext.equals("csv") || ext.equals("tsv")) {
                format = Format.CSV;
            } else {
                format = Format.TEXT;
            }
        }
        return new Detected(format, mismatch(format, ext));
    }

    private static String mismatch(Format format, String ext) {
        boolean fits = switch (format) {
            case TEXT -> ext.isEmpty() || ext.equals("txt") || ext.equals("text") || ext.equals("md");
            case CSV -> true;
            case HTML -> ext.equals("html") || ext.equals("htm") || ext.equals("shtml") || ext.equals("xhtml") || ext.isEmpty();
            case DOCX -> ext.equals("docx") || ext.equals("docm");
            case XLSX -> ext.equals("xlsx") || ext.equals("xlsm");
            case XLS -> true;
        };
        if (fits) {
            return null;
        }
        String what = switch (format) {
            case TEXT -> "plain text";
            case CSV -> "CSV";
            case HTML -> "a web page (HTML)";
            case DOCX -> "a Word .docx file";
            case XLSX -> "an Excel .xlsx workbook";
            case XLS -> "an Excel .xls workbook";
        };
        return "the file's extension ." + ext + " does not match its content, which is " + what + "; read as " + what;
    }

    private static void limit(String source, long size, long max, String what) {
        if (size > max) {
            throw new ImportException(source, 0, "the file is " + mb(size) + ", more than " + mb(max) + " for " + what
                    + "; refused unread (is it the right file?)");
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static Format zipKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry word = zip.getEntry("word/document.xml");
            if (word != null) {
                return Format.DOCX;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Format.XLSX;
            }
        } catch (IOException e) {
            throw new ImportException(file.toString(), 0, "a damaged ZIP package (Word and Excel files are ZIP packages): "
                    + firstMessage(e) + "; save the file again from Word or Excel, or import its text");
        }
        throw new ImportException(file.toString(), 0, "a ZIP archive that is neither a Word .docx nor an Excel .xlsx file; "
                + "unpack it and import the plan inside");
    }

    private static boolean startsWith(byte[] b, int n, int... sig) {
        if (n < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean binary(byte[] b, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
                control++;
            }
        }
        return control * 20 > n;
    }

    /** The first message along the causes, else what kind of failure it was in words. */
    static String firstMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return switch (e.getClass().getSimpleName()) {
            case "EOFException" -> "the file ends before its last part (cut short while copying?)";
            case "OutOfMemoryError" -> "it needs more memory than a plan could";
            case "StackOverflowError" -> "its parts nest deeper than a plan could";
            default -> "its parts cannot be read (" + e.getClass().getSimpleName() + ")";
        };
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
