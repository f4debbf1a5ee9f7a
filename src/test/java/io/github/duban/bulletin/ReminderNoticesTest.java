package io.github.duban.bulletin;

import io.github.duban.outcome.Reminder;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The 督办通知: one per reminded unit, holding every reminder of the unit, a Word file POI opens, the same bytes every time. */
class ReminderNoticesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2021-03-22", "2021-04-26", "2021-05-12", "2021-05-26", "2021-05-28"})
    void notices_onePerRemindedUnit_holdingEveryMessageOfTheUnit(String day) throws IOException {
        LocalDate date = LocalDate.parse(day);
        List<Reminder> reminders = SampleYear.DUBAN.reminders(date, SampleYear.FACTS);
        assertThat(reminders).isNotEmpty();
        Map<String, byte[]> files = ReminderNotices.files(SampleYear.DUBAN.plan(), date, reminders, BulletinSettings.DEFAULT);
        // Then there is one HTML and one Word notice per unit reminded, and no other
        Set<String> units = reminders.stream().map(Reminder::unit).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        units.forEach(u -> {
            expected.add("notices/" + ReminderNotices.fileName(u) + ".html");
            expected.add("notices/" + ReminderNotices.fileName(u) + ".docx");
        });
        assertThat(new TreeSet<>(files.keySet())).isEqualTo(expected);
        for (String unit : units) {
            String name = "notices/" + ReminderNotices.fileName(unit);
            String html = Jsoup.parse(new String(files.get(name + ".html"), StandardCharsets.UTF_8)).text();
            String word;
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(files.get(name + ".docx")));
                 XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
                word = x.getText();
                assertThat(doc.getTables()).hasSize(1);
                // a header row and one row per reminder of the unit
                long mine = reminders.stream().filter(r -> r.unit().equals(unit)).count();
                assertThat(doc.getTables().get(0).getRows()).hasSize((int) mine + 1);
            }
            for (String text : List.of(html, word)) {
                assertThat(text).contains("督办通知", "督查室", date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
                for (Reminder r : reminders) {
                    if (r.unit().equals(unit)) {
                        assertThat(text).contains(r.message(), r.kind().chinese());
                        if (r.person() != null) {
                            assertThat(text).contains(r.person());
                        }
                    } else {
                        assertThat(text).doesNotContain(r.message());
                    }
                }
            }
        }
        // and the same reminders give the same bytes
        Map<String, byte[]> again = ReminderNotices.files(SampleYear.DUBAN.plan(), date, reversed(reminders), BulletinSettings.DEFAULT);
        assertThat(again.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((k, v) -> assertThat(again.get(k)).as(k).isEqualTo(v));
    }

    private static List<Reminder> reversed(List<Reminder> rs) {
        List<Reminder> r = new java.util.ArrayList<>(rs);
        java.util.Collections.reverse(r);
        return r;
    }

    @Test
    void notices_officeFromTheSettings_andNoneOnADayWithoutReminders() {
        LocalDate date = LocalDate.of(2021, 5, 26);
        List<Reminder> reminders = SampleYear.DUBAN.reminders(date, SampleYear.FACTS);
        BulletinSettings s = new BulletinSettings(null, "区委督查室", null, null, null, null, null, null, null, null);
        List<ReminderNotices.Notice> notices = ReminderNotices.notices(SampleYear.DUBAN.plan(), date, reminders, s);
        assertThat(notices).allSatisfy(n -> assertThat(n.office()).isEqualTo("区委督查室"));
        assertThat(ReminderNotices.files(SampleYear.DUBAN.plan(), date, List.of(), s)).isEmpty();
    }

    @Test
    void fileName_safeForAnyUnitName_andDistinct() {
        assertThat(ReminderNotices.fileName("区科工信局")).isEqualTo("区科工信局");
        assertThat(ReminderNotices.fileName("区发改局-1_a")).isEqualTo("区发改局-1_a");
        Set<String> names = new TreeSet<>();
        for (String u : List.of("a/b", "a_b", "../..", "", "CON", "nul", "x\\y", "a:b", "a b", "a\u0000b", "。", "x".repeat(300))) {
            String n = ReminderNotices.fileName(u);
            assertThat(n).matches("[\\p{L}\\p{N}_-]{1,80}").doesNotStartWith(".");
            assertThat(n.equalsIgnoreCase("con") || n.equalsIgnoreCase("nul")).isFalse();
            names.add(n);
        }
        assertThat(names).hasSize(12);
    }
}
