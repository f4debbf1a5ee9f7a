package io.github.duban.importer;

import io.github.duban.cli.ImportCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Files that are not plans, or are built to hurt, fail with one clear line and exit 2, having read little. */
class HostileFilesTest {

    @TempDir
    Path dir;

    static final String DOCX_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String DOCX_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    static final String XLSX_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
    static final String XLSX_RELS = DOCX_RELS.replace("word/document.xml", "xl/workbook.xml");
    static final String WB_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    static final String SHEET_OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_CLOSE = "</sheetData></worksheet>";

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Megabytes of spaces inside an element: packs a thousand times smaller than it unpacks. */
    static byte[] bomb(String open, String close, int megabytes) {
        byte[] a = utf8(open);
        byte[] b = utf8(close);
        byte[] out = new byte[a.length + (megabytes << 20) + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        Arrays.fill(out, a.length, a.length + (megabytes << 20), (byte) ' ');
        System.arraycopy(b, 0, out, out.length - b.length, b.length);
        return out;
    }

    static ImportCommandTest.Run refused(Path file) {
        ImportCommandTest.Run r = ImportCommandTest.run(new ImportCommand(), file.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith(file.toString());
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    @Test
    void aWordZipBomb_isRefused() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("[Content_Types].xml", utf8(DOCX_TYPES));
        e.put("_rels/.rels", utf8(DOCX_RELS));
        e.put("word/document.xml", bomb("<?xml version=\"1.0\"?><w:document " + W + "><w:body><w:p><w:r><w:t>", "</w:t></w:r></w:p></w:body></w:document>", 40));
        Path f = zip(dir.resolve("bomb.docx"), e);
        assertThat(Files.size(f)).isLessThan(1 << 20);
        assertThat(refused(f).err()).contains("zip bomb");
    }

    @Test
    void anExcelZipBomb_isRefused() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("[Content_Types].xml", utf8(XLSX_TYPES));
        e.put("_rels/.rels", utf8(XLSX_RELS));
        e.put("xl/workbook.xml", utf8(WORKBOOK));
        e.put("xl/_rels/workbook.xml.rels", utf8(WB_RELS));
        e.put("xl/worksheets/sheet1.xml", bomb(SHEET_OPEN + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "</t></is></c></row>" + SHEET_CLOSE, 40));
        Path f = zip(dir.resolve("bomb.xlsx"), e);
        assertThat(refused(f).err()).contains("zip bomb");
    }

    @Test
    void aWordFileWithAnXmlExternalEntity_isRefused_andTheEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("[Content_Types].xml", utf8(DOCX_TYPES));
        e.put("_rels/.rels", utf8(DOCX_RELS));
        e.put("word/document.xml", utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<w:document " + W + "><w:body><w:p><w:r><w:t>1.开展整治。（牵头单位：&xxe;；完成时限：2023年6月底）</w:t></w:r></w:p></w:body></w:document>"));
        Path f = zip(dir.resolve("xxe.docx"), e);
        ImportCommandTest.Run r = refused(f);
        assertThat(r.err()).contains("external entity").doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void aWorkbookWithAnXmlExternalEntity_isRefused_andTheEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("[Content_Types].xml", utf8(XLSX_TYPES));
        e.put("_rels/.rels", utf8(XLSX_RELS));
        e.put("xl/workbook.xml", utf8(WORKBOOK));
        e.put("xl/_rels/workbook.xml.rels", utf8(WB_RELS));
        e.put("xl/worksheets/sheet1.xml", utf8(SHEET_OPEN.replace("<worksheet", "<!DOCTYPE s [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>" + SHEET_CLOSE));
        Path f = zip(dir.resolve("xxe.xlsx"), e);
        ImportCommandTest.Run r = ImportCommandTest.run(new ImportCommand(), f.toString());
        assertThat(r.out() + r.err()).doesNotContain("TOP-SECRET-VALUE");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith(f.toString());
    }

    @Test
    void aFiftyMegabyteSingleLineText_isRefusedUnread() throws Exception {
        Path f = dir.resolve("huge.txt");
        byte[] chunk = "1.开展整治行动（牵头单位：区城管局；完成时限：2023年6月底）".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (long written = 0; written < 50L << 20; written += chunk.length) {
                out.write(chunk);
            }
        }
        assertThat(Files.size(f)).isGreaterThanOrEqualTo(50L << 20);
        assertThat(refused(f).err()).contains("50.0 MB").contains("more than 16");
        ImportCommandTest.Run asText = ImportCommandTest.run(new ImportCommand(), "--text", f.toString());
        assertThat(asText.code()).isEqualTo(2);
        assertThat(asText.err()).contains("more than 16");
    }

    @Test
    void aLongSingleLineUnderTheLimit_isReadInOnePass() throws Exception {
        // a page that lost every line break: 900 tasks run together on one line
        StringBuilder sb = new StringBuilder("某区2023年城市管理工作方案");
        for (int i = 1; i <= 900; i++) {
            sb.append(i).append(".开展第").append(i).append("项整治。（牵头单位：区城管局；完成时限：2023年6月底）");
        }
        Path f = Files.writeString(dir.resolve("one-line.txt"), sb.toString());
        ImportResult r = PlanImporter.importFile(f, ImportOptions.none());
        assertThat(r.plan().tasks()).hasSize(900);
        assertThat(r.plan().task(900).orElseThrow().title()).isEqualTo("开展第900项整治");
    }

    @Test
    void aFileThatIsNotWhatItsExtensionSays_isRefused_whenItsContentIsNoPlanFormat() throws Exception {
        Path png = Files.write(dir.resolve("plan.docx"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertThat(refused(png).err()).contains("picture");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 1;
        junk[1] = 0;
        Path bin = Files.write(dir.resolve("plan.xlsx"), junk);
        assertThat(refused(bin).err()).contains("binary").contains(".xlsx");
        Path otherZip = zip(dir.resolve("plan2.docx"), Map.of("readme.txt", utf8("hello")));
        assertThat(refused(otherZip).err()).contains("neither a Word");
        Path pdf = Files.write(dir.resolve("plan.pdf"), utf8("%PDF-1.7\n%âãÏÓ\n"));
        assertThat(refused(pdf).err()).contains("PDF");
        Path truncated = Files.write(dir.resolve("cut.docx"), Arrays.copyOf(Files.readAllBytes(Documents.docx(dir.resolve("whole.docx"),
                List.of("1.开展整治。（牵头单位：区城管局）"), List.of(), List.of())), 200));
        assertThat(refused(truncated).err()).contains("cut.docx");
        Path empty = Files.write(dir.resolve("empty.docx"), new byte[0]);
        assertThat(refused(empty).err()).contains("empty");
    }

    @Test
    void aFileThatIsNotWhatItsExtensionSays_isReadByItsContent_andThatIsReported() throws Exception {
        // a web page saved as .doc, as many sites serve their plans
        Path page = Files.writeString(dir.resolve("plan.doc"), "<html><body><p>某区2023年工作方案</p><p>2023年3月1日</p>"
                + "<p>1.开展整治。（牵头单位：区城管局；完成时限：2023年6月底）</p></body></html>");
        ImportCommandTest.Run r = ImportCommandTest.run(new ImportCommand(), page.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("extension .doc does not match its content, which is a web page");
        // a Word file named .xlsx
        Path word = Documents.docx(dir.resolve("plan.xlsx"), List.of("某区2023年工作方案", "2023年3月1日",
                "1.开展整治。（牵头单位：区城管局；完成时限：2023年6月底）"), List.of(), List.of());
        ImportResult w = PlanImporter.importFile(word, ImportOptions.none());
        assertThat(w.plan().tasks()).hasSize(1);
        assertThat(w.problems()).anyMatch(x -> x.message().contains("which is a Word .docx file"));
    }
}
