package io.github.duban.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePhraseTest {

    static final int YEAR = 2021;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2021年4月底|2021-04-30",
            "6月底前|2021-06-30",
            "于2月7日前|2021-02-07",
            "到2019年12月底|2019-12-31",
            "年底前|2021-12-31",
            "2020年年底前|2020-12-31",
            "2020年底前|2020-12-31",
            "今年内|2021-12-31",
            "明年底前|2022-12-31",
            "上半年|2021-06-30",
            "下半年完成|2021-12-31",
            "三季度末|2021-09-30",
            "第一季度|2021-03-31",
            "2022年第2季度末前|2022-06-30",
            "二〇二一年六月三十日|2021-06-30",
            "十二月底前|2021-12-31",
            "２０２１年４月底|2021-04-30",
            "2021.6.30|2021-06-30",
            "2021-09-15|2021-09-15",
            "2021/10|2021-10-31",
            "2021年6月|2021-06-30",
            "6月份|2021-06-30",
            "9月中旬|2021-09-20",
            "3月上旬前|2021-03-10",
            "截至2021年11月30日|2021-11-30",
            "2021年1月1日-1月15日|2021-01-15",
            "2021年11月至2月|2022-02-28",
            "确保2021年5月底前开工|2021-05-31",
            "2021年|2021-12-31",
            "28日前|",
    })
    void dates(String phrase, String expected) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        if (expected == null) {
            assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.AMBIGUOUS);
            return;
        }
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.DATE);
        assertThat(r.dates()).containsExactly(LocalDate.parse(expected));
        assertThat(r.soft()).isFalse();
        assertThat(r.ongoing()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"长期坚持", "持续推进", "长期", "常态化推进", "持续开展", "长 期 坚 持"})
    void ongoing(String phrase) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).isEqualTo(DeadlineKind.ONGOING);
        assertThat(r.ongoing()).isTrue();
        assertThat(r.dates()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"立行立改|false", "立即|false", "立行立改,长期坚持|true", "立行立改，长期坚持|true", "立即启动，持续推进|true"})
    void immediate(String phrase, boolean ongoing) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).isEqualTo(DeadlineKind.IMMEDIATE);
        assertThat(r.immediate()).isTrue();
        assertThat(r.ongoing()).isEqualTo(ongoing);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2024年底前，并长期坚持|2024-12-31", "6月底前完成，长期坚持|2021-06-30", "2021年9月底前建成并持续推进|2021-09-30"})
    void compound_dateThenOngoing(String phrase, String date) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).isEqualTo(DeadlineKind.DATE);
        assertThat(r.dates()).containsExactly(LocalDate.parse(date));
        assertThat(r.ongoing()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "每月25日前|MONTH|||25|false",
            "每月底|MONTH|||  |true",
            "每季度第1个月的20日前|QUARTER||1|20|false",
            "每季度末|QUARTER||3||true",
            "每年3月底前|YEAR||3||true",
            "每年12月10日前|YEAR||12|10|false",
            "每周二前|WEEK|TUESDAY|||false",
            "每周五下班前|WEEK|FRIDAY|||false",
            "每半年末|HALF_YEAR||6||true",
    })
    void recurring(String phrase, Recurrence.Period every, DayOfWeek weekday, Integer month, Integer day, boolean last) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.RECURRING);
        assertThat(r.recurrence()).isEqualTo(new Recurrence(every, month, day, last, weekday));
        assertThat(r.dates()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30个工作日内|30|WORKING_DAY|",
            "会后7日内|7|DAY|会后",
            "收到通知之日起15个工作日内|15|WORKING_DAY|收到通知之日起",
            "文件印发后3个月内|3|MONTH|文件印发后",
            "两周内|2|WEEK|",
    })
    void relative(String phrase, int amount, RelativePeriod.Unit unit, String after) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.RELATIVE);
        assertThat(r.relative()).isEqualTo(new RelativePeriod(amount, unit, after));
        assertThat(r.dates()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "原则上2021年6月底前|2021-06-30|原则上",
            "力争9月底前|2021-09-30|力争",
            "争取年底前完成|2021-12-31|争取",
    })
    void soft(String phrase, String date, String qualifier) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).isEqualTo(DeadlineKind.DATE);
        assertThat(r.dates()).containsExactly(LocalDate.parse(date));
        assertThat(r.soft()).isTrue();
        assertThat(r.qualifiers()).containsExactly(qualifier);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2021年3月底前完成方案，6月底前全面完成|2021-03-31,2021-06-30",
            "3月底、6月底、9月底|2021-03-31,2021-06-30,2021-09-30",
            "2021年5月底前开工，2022年底前建成|2021-05-31,2022-12-31",
    })
    void multiple(String phrase, String dates) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).isEqualTo(DeadlineKind.MULTIPLE);
        assertThat(r.dates()).isEqualTo(Arrays.stream(dates.split(",")).map(LocalDate::parse).toList());
        assertThat(r.latest()).contains(r.dates().get(r.dates().size() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "待定", "按上级要求", "另行通知", "适时", "尽快", "2021年13月底", "2021年2月30日", "4月31日前",
            "2021年4月底或5月底", "2O21年4月底", "21年4月底", "6月初", "本月底", "Q2", "2021年4月底5", "20211年4月底",
            "2021.4.31", "⠂⠼/span>", "第5季度", "年初", "2021年月底", "30日前"})
    void garbled_isAmbiguous_withAReason(String phrase) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR);
        assertThat(r.kind()).as("«%s» read as %s: %s", phrase, r.dates(), r.reason()).isEqualTo(DeadlineKind.AMBIGUOUS);
        assertThat(r.dates()).isEmpty();
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void noYear_makesYearlessPhrasesAmbiguous_butNotExplicitOnes() {
        assertThat(DeadlineParser.parse("6月底前", 0).kind()).isEqualTo(DeadlineKind.AMBIGUOUS);
        assertThat(DeadlineParser.parse("6月底前", 0).reason()).contains("no year");
        assertThat(DeadlineParser.parse("2021年6月底前", 0).dates()).containsExactly(LocalDate.of(2021, 6, 30));
    }

    @Test
    void yearNamedEarlierInThePhrase_carriesToLaterDates() {
        assertThat(DeadlineParser.parse("2019年3月底前启动，6月底前完成", 2021).dates())
                .isEqualTo(List.of(LocalDate.of(2019, 3, 31), LocalDate.of(2019, 6, 30)));
    }
}
