package io.github.duban.authoring;

import io.github.duban.json.PlanJson;
import io.github.duban.engine.Duban;
import io.github.duban.engine.Ruleset;
import io.github.duban.json.AssessmentJson;
import io.github.duban.json.FactsJson;
import io.github.duban.error.InputException;
import io.github.duban.json.PolicyJson;
import io.github.duban.model.Facts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ruleset packages: an old month re-made byte for byte from its package; a package changed after packing is refused. */
class RulesetPackageTest {

    @TempDir
    static Path tmp;
    static Duban county;
    static Path pack;

    @BeforeAll
    static void packTheCountyRuleset() throws Exception {
        Map<String, String> sources = new TreeMap<>(Ruleset.builtIn().sources());
        sources.put("county.drl", "package rules;\n// 本县规则\n");
        county = Duban.builder().plan(PlanJson.embedded()).rules(Ruleset.compile(sources))
                .policy(PolicyJson.read(Path.of("src/test/resources/authoring/county.yaml"))).build();
        pack = tmp.resolve("county-2021.zip");
        RulesetPackage.write(county, pack);
    }

    @Test
    void aPackage_reassessesTheMonthByteForByte_andPacksToTheSameBytes() throws Exception {
        RulesetPackage.Contents c = RulesetPackage.read(pack);
        assertThat(c.fingerprint()).isEqualTo(county.fingerprint());
        Duban again = c.builder().plan(PlanJson.embedded()).build();
        Facts facts = FactsJson.sampleYear(county.plan());
        YearMonth may = YearMonth.of(2021, 5);
        assertThat(AssessmentJson.write(again.replay(may, may, facts).get(0)))
                .isEqualTo(AssessmentJson.write(county.replay(may, may, facts).get(0)));
        Path second = tmp.resolve("again.zip");
        RulesetPackage.write(again, second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(pack));
    }

    @Test
    void aRuleChangedAfterPacking_isRefused() throws Exception {
        Path changed = rewrite(pack, "rules/scoring.drl", s -> s + "\n// 改过\n");
        assertThatThrownBy(() -> RulesetPackage.read(changed)).isInstanceOf(InputException.class)
                .hasMessageContaining("rules/scoring.drl")
                .hasMessageContaining("does not match its sha-256 in the manifest");
    }

    @Test
    void aManifestWhoseFingerprintIsNotTheContents_isRefused() throws Exception {
        Path changed = rewrite(pack, "manifest.json", s -> s.replaceFirst("\"fingerprint\" : \"[0-9a-f]{4}", "\"fingerprint\" : \"0000"));
        assertThatThrownBy(() -> RulesetPackage.read(changed)).isInstanceOf(InputException.class)
                .hasMessageContaining("manifest.json fingerprint")
                .hasMessageContaining("the package is refused");
    }

    @Test
    void aPackageIsWrittenInFormat2() throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(pack))) {
            ZipEntry e = in.getNextEntry();
            assertThat(e.getName()).isEqualTo("manifest.json");
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"format\" : 2,");
        }
        assertThat(RulesetPackage.FORMAT).isEqualTo(2);
    }

    @Test
    void aZipCutShort_orAFileThatIsNoZip_isRefusedSayingSo_neverNull() throws Exception {
        byte[] whole = Files.readAllBytes(pack);
        for (int length : new int[] {10, 40, whole.length / 2}) {
            Path cut = tmp.resolve("cut-" + length + ".zip");
            Files.write(cut, java.util.Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> RulesetPackage.read(cut)).as("cut at %d bytes", length).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(cut.toString())
                    .hasMessageContaining("expected a package made by duban rules pack")
                    .hasMessageNotContaining("null");
        }
        Path text = tmp.resolve("notes.zip");
        Files.writeString(text, "这不是一个压缩包\n");
        assertThatThrownBy(() -> RulesetPackage.read(text)).isInstanceOf(InputException.class)
                .hasMessage(text + ": is not a zip, or an empty one (no entry found) — expected a package made by duban rules pack");
    }

    @Test
    void aPackageOfAFormatThisVersionDoesNotRead_isRefused() throws Exception {
        Path future = rewrite(pack, "manifest.json", s -> s.replace("\"format\" : 2,", "\"format\" : 3,"));
        assertThatThrownBy(() -> RulesetPackage.read(future)).isInstanceOf(InputException.class)
                .hasMessageContaining("manifest.json format: is 3; this version reads packages of format 1 and 2");
    }

    /** A copy of the package with one entry's text changed. */
    static Path rewrite(Path zip, String entry, java.util.function.UnaryOperator<String> change) throws Exception {
        Path out = tmp.resolve("changed-" + entry.replace('/', '-') + ".zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                byte[] bytes = b.toByteArray();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                o.putNextEntry(new ZipEntry(e.getName()));
                o.write(bytes);
                o.closeEntry();
            }
        }
        return out;
    }
}
