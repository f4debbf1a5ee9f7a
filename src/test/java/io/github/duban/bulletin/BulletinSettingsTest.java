package io.github.duban.bulletin;

import io.github.duban.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings file (YAML or JSON) and a folder of templates that replace the built-in ones. */
class BulletinSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void yamlSettingsAreRead_withTheTemplatesFolderRelativeToTheFile() throws IOException {
        Files.createDirectories(tmp.resolve("tpl"));
        Path f = write("bulletin.yaml", "series: 优化营商环境督查通报\noffice: 区优化办\ndate: 2021-06-03\nrequirements:\n  - 请各单位抓好落实。\ntemplates: tpl\n");
        BulletinSettings s = BulletinSettings.read(f);
        assertThat(s.series()).isEqualTo("优化营商环境督查通报");
        assertThat(s.office()).isEqualTo("区优化办");
        assertThat(s.date()).isEqualTo(LocalDate.of(2021, 6, 3));
        assertThat(s.requirements()).containsExactly("请各单位抓好落实。");
        assertThat(s.templates()).isEqualTo(tmp.resolve("tpl").toAbsolutePath().normalize());
    }

    @Test
    void jsonSettingsAreRead() throws IOException {
        BulletinSettings s = BulletinSettings.read(write("bulletin.json", "{\"office\": \"区优化办\", \"recipients\": \"各单位\"}"));
        assertThat(s.office()).isEqualTo("区优化办");
        assertThat(s.recipients()).isEqualTo("各单位");
    }

    @Test
    void anUnknownKeyIsRefusedWithFileLineAndKey() throws IOException {
        Path f = write("bulletin.yaml", "office: 区优化办\nofice: typo\n");
        assertThatThrownBy(() -> BulletinSettings.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("bulletin.yaml:2").hasMessageContaining("field ofice").hasMessageContaining("not a bulletin setting");
    }

    @Test
    void aTemplateInTheFolderReplacesTheBuiltInOne_theOthersStay() throws IOException {
        Path tpl = Files.createDirectories(tmp.resolve("tpl"));
        Files.writeString(tpl.resolve(Bulletins.MARKDOWN_TEMPLATE), "${b.series} 第${b.issue}期 ${b.ranking?size}个单位", StandardCharsets.UTF_8);
        Bulletin b = SampleYear.bulletin(5);
        assertThat(Bulletins.markdown(b, tpl)).isEqualTo("督查通报 第4期 10个单位");
        assertThat(Bulletins.html(b, tpl)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aBrokenTemplateNamesItsFileAndLine() throws IOException {
        Path tpl = Files.createDirectories(tmp.resolve("tpl"));
        Files.writeString(tpl.resolve(Bulletins.MARKDOWN_TEMPLATE), "line one\n${b.noSuchThing}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Bulletins.markdown(SampleYear.bulletin(5), tpl)).isInstanceOf(InputException.class)
                .hasMessageContaining(Bulletins.MARKDOWN_TEMPLATE + ":2").hasMessageContaining("template error");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
