package io.github.duban.bulletin;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * May's bulletin.docx printed to PDF by LibreOffice (headless, the fonts mapped to Noto CJK by
 * scripts/fontconfig/fonts.conf as on a Linux host): a page count in the expected range, "— N —"
 * on every page (right on odd pages, left on even ones), every word inside the 156 mm text
 * block, the Chinese text extracted whole, and the fingerprint nowhere; the tables' grids read
 * back with POI inside the text block. With {@code -Dbulletin.screenshots=DIR} each page is kept
 * there as a PNG (bulletin-2021-05-docx-p1.png …).
 */
class BulletinDocxInLibreOfficeIT {
    static final Path SOFFICE = Path.of("/usr/bin/soffice");
    static final Path FONTS = Path.of("scripts/fontconfig/fonts.conf");
    /** A4 in PDF points and the text block's edges: 28 mm from the left, 26 mm from the right. */
    static final double MM = 72 / 25.4;
    static final double LEFT = 28 * MM;
    static final double RIGHT = (210 - 26) * MM;
    /** A word of {@code pdftotext -bbox}: xMin, yMin, xMax, yMax (points from the top left) and its text. */
    static final Pattern WORD = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    @TempDir
    static Path tmp;
    static Path pdf;
    static int pages;

    @BeforeAll
    static void printMay() throws Exception {
        for (String tool : List.of("/usr/bin/soffice", "/usr/bin/pdftotext", "/usr/bin/pdfinfo")) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is not installed: install the Debian packages libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk");
            }
        }
        Path docx = tmp.resolve("bulletin.docx");
        Files.write(docx, Bulletins.docx(SampleYear.bulletin(5)));
        run(List.of(SOFFICE.toString(), "--headless", "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
                "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString()), 240);
        pdf = tmp.resolve("bulletin.pdf");
        assertThat(pdf).as("LibreOffice wrote the PDF").exists();
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(run(List.of("pdfinfo", pdf.toString()), 60));
        assertThat(m.find()).isTrue();
        pages = Integer.parseInt(m.group(1));
        String keep = System.getProperty("bulletin.screenshots");
        if (keep != null && !keep.isBlank()) {
            Path dir = Files.createDirectories(Path.of(keep));
            run(List.of("pdftoppm", "-r", "60", "-png", pdf.toString(), dir.resolve("bulletin-2021-05-docx-p").toString()), 120);
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString().replaceFirst("^(bulletin-2021-05-docx-p)-0*(\\d+\\.png)$", "$1$2");
                    if (!name.equals(p.getFileName().toString())) {
                        Files.move(p, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    @Test
    void mayPrintsOnSixToTenPages() {
        assertThat(pages).isBetween(6, 10);
    }

    @Test
    void everyPageIsNumbered_onTheRightOfOddPagesAndTheLeftOfEvenOnes() throws Exception {
        for (int page = 1; page <= pages; page++) {
            String text = run(List.of("pdftotext", "-layout", "-f", "" + page, "-l", "" + page, pdf.toString(), "-"), 60);
            String expected = "—" + page + "—";
            assertThat(text.lines().map(l -> l.replace(" ", ""))).as("the page number of page %d", page).contains(expected);
            String words = run(List.of("pdftotext", "-bbox", "-f", "" + page, "-l", "" + page, pdf.toString(), "-"), 60);
            Matcher m = WORD.matcher(words);
            Double x = null;
            while (m.find()) {
                if (m.group(5).equals(String.valueOf(page)) && Double.parseDouble(m.group(2)) > 260 * MM) {
                    x = (Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(3))) / 2;
                }
            }
            assertThat(x).as("page %d's number below the text block", page).isNotNull();
            if (page % 2 == 1) {
                assertThat(x / MM).as("page %d's number on the right (mm)", page).isGreaterThan(160);
            } else {
                assertThat(x / MM).as("page %d's number on the left (mm)", page).isLessThan(50);
            }
        }
    }

    /** Closing punctuation LibreOffice lets hang past the right edge of the text block. */
    static final String HANGING = "、，。；：！？”’）》〉」』";

    @Test
    void everyWordLiesInsideTheTextBlock() throws Exception {
        String words = run(List.of("pdftotext", "-bbox", pdf.toString(), "-"), 60);
        Matcher m = WORD.matcher(words);
        List<String> outside = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            double min = Double.parseDouble(m.group(1));
            double max = Double.parseDouble(m.group(3));
            String word = m.group(5);
            if (!word.isEmpty() && HANGING.indexOf(word.charAt(word.length() - 1)) >= 0) {
                max -= 16;  // LibreOffice hangs a closing mark at the end of a line past the edge, whatever w:overflowPunct says
            }
            if (min < LEFT - 1 || max > RIGHT + 1) {
                outside.add(m.group(5) + " " + Math.round(min / MM) + "–" + Math.round(max / MM) + " mm");
            }
        }
        assertThat(count).isGreaterThan(100);
        assertThat(outside).as("words outside 28–184 mm").isEmpty();
    }

    @Test
    void theChineseTextComesOutWhole_andTheFingerprintNowhere() throws Exception {
        Bulletin may = SampleYear.bulletin(5);
        String text = run(List.of("pdftotext", pdf.toString(), "-"), 60).replaceAll("\\s+", "");
        assertThat(text).contains("督查通报", "第4期", may.title(), "一、总体情况", "四、考核得分与排名", "附件：" + may.attachment(),
                may.printDateText() + "印发");
        assertThat(text).doesNotContain(may.rulesetShort());
    }

    @Test
    void everyTableOfTheFileFitsTheTextBlock() throws IOException {
        LargeBoardDocxTest.assertTablesFit(SampleYear.bulletin(5));
    }

    private static String run(List<String> cmd, int seconds) throws Exception {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("FONTCONFIG_FILE", FONTS.toAbsolutePath().toString());
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " did not finish within " + seconds + " s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
