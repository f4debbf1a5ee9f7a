package io.github.duban.importer;

import io.github.duban.cli.ImportCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files built to take time or memory, refused fast in one line before they are read whole; errors
 * that say what went wrong; {@code --out} written like any new file.
 */
class HostileSizesTest {

    @TempDir
    Path dir;

    static ImportCommandTest.Run refusedWithin(Path file, long millis) {
        long t0 = System.nanoTime();
        ImportCommandTest.Run r = HostileFilesTest.refused(file);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(took).as("refused in %d ms: %s", took, r.err()).isLessThan(millis);
        return r;
    }

    @Test
    void aWebPageOfTwoHundredThousandNestedDivs_isRefusedFast_inOneLine() throws Exception {
        Path f = dir.resolve("deep.html");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("<html><body><p>某区工作方案</p>");
            for (int i = 0; i < 200_000; i++) {
                w.write("<div>");
            }
            w.write("1.开展整治。（牵头单位：区城管局；完成时限：2023年6月底）");
            for (int i = 0; i < 200_000; i++) {
                w.write("</div>");
            }
            w.write("</body></html>");
        }
        assertThat(refusedWithin(f, 10_000).err()).contains("nest").contains("deep");
    }

    @Test
    void aWorkbookOfAMillionRows_isRefusedBeforePoiReadsIt() throws Exception {
        Path f = dir.resolve("million.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("[Content_Types].xml", HostileFilesTest.XLSX_TYPES);
            parts.put("_rels/.rels", HostileFilesTest.XLSX_RELS);
            parts.put("xl/workbook.xml", HostileFilesTest.WORKBOOK);
            parts.put("xl/_rels/workbook.xml.rels", HostileFilesTest.WB_RELS);
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(HostileFilesTest.utf8(e.getValue()));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(HostileFilesTest.utf8(HostileFilesTest.SHEET_OPEN));
            byte[] row = null;
            for (int r = 1; r <= 1_000_000; r++) {
                row = HostileFilesTest.utf8("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
                z.write(row);
            }
            z.write(HostileFilesTest.utf8(HostileFilesTest.SHEET_CLOSE));
            z.closeEntry();
        }
        assertThat(refusedWithin(f, 10_000).err()).contains("rows").contains("refused before reading it");
    }

    @Test
    void aCsvOfFifteenMegabytes_underTheRowLimit_isRefusedUnread_fast() throws Exception {
        // 16,000 rows of a long measure each: under the row limit, but reading it took 1.7 GB of allocations and 9 s
        Path f = dir.resolve("wide.csv");
        try (OutputStream w = new java.io.BufferedOutputStream(Files.newOutputStream(f))) {
            long written = 0;
            w.write(HostileFilesTest.utf8("序号,工作任务,牵头单位,完成时限\n"));
            for (int i = 1; written < (15L << 20); i++) {
                byte[] row = HostileFilesTest.utf8(i + ",开展第" + i + "项整治行动。" + "深化改革优化营商环境".repeat(30) + ",区城管局,2023年6月底\n");
                w.write(row);
                written += row.length;
            }
        }
        ImportCommandTest.Run r = refusedWithin(f, 2_000);
        assertThat(r.err()).contains("wide.csv", "15.0 MB", "more than 4 MB").doesNotContain("Exception");
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        try {
            PlanImporter.importCsv(f);
        } catch (ImportException expected) {
            // refused
        }
        assertThat((threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) >> 20).as("MB allocated").isLessThan(16);
    }

    @Test
    void aCsvOfTwentyThousandRows_isRefusedAtItsRowLimit_fast() throws Exception {
        Path f = dir.resolve("big.csv");
        try (OutputStream w = new java.io.BufferedOutputStream(Files.newOutputStream(f))) {
            long written = 0;
            w.write(HostileFilesTest.utf8("序号,工作任务,牵头单位,完成时限\n"));
            for (int i = 1; i <= 20_100; i++) {
                byte[] row = HostileFilesTest.utf8(i + ",开展第" + i + "项整治行动。,区城管局,2023年6月底\n");
                w.write(row);
                written += row.length;
            }
        }
        assertThat(Files.size(f)).isLessThan(4L << 20);
        ImportCommandTest.Run r = refusedWithin(f, 10_000);
        assertThat(r.err()).contains("more than 20000 rows").contains("big.csv:20001");
    }

    @Test
    void aDamagedZip_saysWhatIsWrong_neverNull() throws Exception {
        Path whole = Documents.docx(dir.resolve("whole.docx"), java.util.List.of("1.开展整治。（牵头单位：区城管局）"), java.util.List.of(), java.util.List.of());
        byte[] b = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.docx"), java.util.Arrays.copyOf(b, b.length - 30));
        ImportCommandTest.Run r = HostileFilesTest.refused(cut);
        assertThat(r.err()).doesNotContain("null").contains("cut.docx");
        assertThat(Formats.firstMessage(new java.io.EOFException())).doesNotContain("null").contains("ends before");
    }

    @Test
    void aWorkbookPoiComplainsAbout_printsNoStackTrace_onlyTheImportersLine() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("[Content_Types].xml", HostileFilesTest.utf8(HostileFilesTest.XLSX_TYPES));
        e.put("_rels/.rels", HostileFilesTest.utf8(HostileFilesTest.XLSX_RELS));
        e.put("xl/workbook.xml", HostileFilesTest.utf8(HostileFilesTest.WORKBOOK));
        e.put("xl/_rels/workbook.xml.rels", HostileFilesTest.utf8(HostileFilesTest.WB_RELS));
        // a shared-string cell pointing at a string the workbook does not have: POI logs an error with its stack trace
        e.put("xl/worksheets/sheet1.xml", HostileFilesTest.utf8(HostileFilesTest.SHEET_OPEN
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>" + HostileFilesTest.SHEET_CLOSE));
        Path f = HostileFilesTest.zip(dir.resolve("sst.xlsx"), e);
        // the command line as it runs: a process of its own, with its own logging
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.duban.cli.Main", "import", f.toString())
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err.strip()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\n").startsWith(f.toString());
    }

    @Test
    void outFile_getsTheModeANewFileGetsHere_notTheTemporaryFilesOwnerOnlyMode() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
        assumeTrue(usual.contains(PosixFilePermission.GROUP_READ) || usual.contains(PosixFilePermission.OTHERS_READ),
                "a umask that gives only the owner access makes both the same");
        Path out = dir.resolve("plan.json");
        ImportCommandTest.Run r = ImportCommandTest.run(new ImportCommand(), "--csv", "src/test/resources/import/utf8.csv",
                "--year", "2020", "--out", out.toString());
        assertThat(r.code()).isIn(0, 3);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(usual);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
