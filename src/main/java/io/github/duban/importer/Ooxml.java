package io.github.duban.importer;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/** Limits on what a Word file or workbook may expand to, so a zip bomb fails fast and small. */
final class Ooxml {

    /** No part of a plan's Word file or workbook needs more than this unpacked. */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /** The text of a plan's workbook. */
    static final long MAX_TEXT_CHARS = 20_000_000L;

    private Ooxml() {
    }

    /** Tightens POI's limits (never loosens them): a part may expand at most 100 times, and is bounded in size. */
    static synchronized void secure() {
        if (ZipSecureFile.getMinInflateRatio() < 0.01) {
            ZipSecureFile.setMinInflateRatio(0.01);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
        if (ZipSecureFile.getMaxTextSize() > MAX_TEXT_CHARS) {
            ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
        }
    }

    /** One line saying why a package could not be read, for the file it came from. */
    static ImportException failure(String source, String what, Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
            if (t.getCause() == t) {
                break;
            }
        }
        String m = all.toString();
        String why;
        if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceed the max") || m.contains("max entry size")
                || m.contains("inflate ratio")) {
            why = "refused: a part of it expands far beyond its packed size (a zip bomb), more than POI's limits allow";
        } else if (m.contains("DOCTYPE") || m.contains("doctype") || m.contains("DTD") || m.contains("<!ENTITY") || m.contains("external entit")) {
            why = "refused: its XML declares a document type or entities (an XML external entity), which Office files never need";
        } else if (m.contains("max text size") || m.contains("MaxTextSize") || m.contains("text size")) {
            why = "refused: it holds more text than a plan could (over " + MAX_TEXT_CHARS + " characters)";
        } else {
            String first = Formats.firstMessage(e);
            why = "damaged or not " + what + ": " + first.replaceAll("\\s*[\\r\\n]+\\s*", " ");
            if (why.length() > 300) {
                why = why.substring(0, 300) + "…";
            }
        }
        return new ImportException(source, 0, "cannot be read as " + what + ": " + why);
    }
}
