package io.github.duban.bulletin;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The package written around word/document.xml without POI: its core properties are the ones POI
 * writes for any text XML can hold, and a character XML cannot hold still gives a file POI reads.
 */
class DocxPackageTest {
    private static final LocalDate DAY = LocalDate.of(2021, 5, 31);

    @Test
    void theCorePropertiesAreTheOnesPoiWritesForAnyTextXmlCanHold() {
        qt().withExamples(150).forAll(text(), text(), text(), days()).checkAssert((creator, title, identifier, day) -> {
            String fast = new String(DocxPackage.coreXml(creator, title, identifier, day), StandardCharsets.UTF_8);
            String poi = new String(PoiDocxReference.coreXml(creator, title, identifier, day), StandardCharsets.UTF_8);
            assertThat(fast).isEqualTo(poi);
        });
    }

    @Test
    void anEmptyOrMissingPropertyIsLeftOutAsPoiLeavesItOut() {
        for (String value : new String[] {null, ""}) {
            assertThat(DocxPackage.coreXml(value, "标题", value, DAY)).isEqualTo(PoiDocxReference.coreXml(value, "标题", value, DAY));
            assertThat(DocxPackage.coreXml("督查室", value, "abc", DAY)).isEqualTo(PoiDocxReference.coreXml("督查室", value, "abc", DAY));
        }
        assertThat(new String(DocxPackage.coreXml(null, null, null, DAY), StandardCharsets.UTF_8))
                .doesNotContain("dc:creator", "dc:title", "dc:identifier").contains("2021-05-30T16:00:00Z");
    }

    @Test
    void aCharacterXmlCannotHoldInTheOfficeNameBecomesAQuestionMarkAndTheFileReadsBack() throws IOException {
        String office = "督查\u0001室\u001f\uFFFE\uDC00办\uD800";
        BulletinSettings s = new BulletinSettings(null, office, null, null, null, null, null, null, null, null);
        Bulletin b = Bulletin.of(SampleYear.DUBAN, SampleYear.month(5), s);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Bulletins.docx(b)))) {
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("督查?室???办?");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("督查?室???办?");
        }
    }

    /** Text from the characters XML can hold, weighted towards those it escapes or refers to by number. */
    private static Gen<String> text() {
        Gen<String> special = Generate.pick(List.of("&", "<", ">", "]]>", "]]", "\t", "\n", "\r", "\r\n", "\"", "'", " ",
                "督查室", "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\ue000", "\ufffd", "😀", "\ud800\udc00",
                "\udbff\udfff", "\ud840\udc00"));
        Gen<String> piece = special
                .mix(strings().betweenCodePoints(0x20, 0x2FF).ofLengthBetween(1, 4))
                .mix(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 4))
                .mix(strings().betweenCodePoints(0xE000, 0xFFFD).ofLengthBetween(1, 3))
                .mix(strings().betweenCodePoints(0x10000, 0x10FFFF).ofLengthBetween(1, 2));
        return lists().of(piece).ofSizeBetween(0, 8).map(l -> String.join("", l));
    }

    private static Gen<LocalDate> days() {
        return Generate.longRange(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }
}
