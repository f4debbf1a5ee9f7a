package io.github.duban.bulletin;

import io.github.duban.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a host without fonts (no fontconfig) java.awt's font manager throws an Error at the first font:
 * the month is still written, the chart drawn without its text. Simulated, since the build has fonts.
 */
class ChartWithoutFontsTest {

    @TempDir
    Path tmp;

    @AfterEach
    void fontsBack() {
        ChartPng.beforeFonts = () -> {
        };
    }

    @Test
    void aFontManagerThatThrows_leavesTheChartWithoutText_andTheMonthIsWritten() throws IOException {
        ChartPng.beforeFonts = () -> {
            throw new InternalError("Fontconfig head is null, check your fonts or fonts configuration");
        };
        Bulletin.Chart c = SampleYear.bulletin(5).chart();
        var img = ChartPng.draw(c);
        assertThat(img.getWidth()).isEqualTo(c.width() * ChartPng.SCALE);
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        Bulletin.Bar first = c.bars().get(0);
        assertThat(img.getRGB((c.left() + 1) * ChartPng.SCALE, (first.y() + 9) * ChartPng.SCALE) & 0xffffff)
                .isEqualTo(Integer.decode(first.colour()) & 0xffffff);

        Path facts = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(facts.resolve("reports.jsonl"), "{\"task\": 9, \"unit\": \"区住建局\", \"month\": \"2021-02\", "
                + "\"submittedOn\": \"2021-02-27\", \"percent\": 30}\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertThat(Main.run("assess", "--facts", facts.toString(), "--month", "2021-02", "--out", out.toString())).isZero();
        for (String f : new String[] {"assessment.json", "ledger.json", "scores.csv", "bulletin.md", "bulletin.html", "bulletin.docx"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        try (ZipFile docx = new ZipFile(out.resolve("bulletin.docx").toFile())) {
            assertThat(docx.getEntry("word/media/scores.png")).isNotNull();
        }
    }
}
