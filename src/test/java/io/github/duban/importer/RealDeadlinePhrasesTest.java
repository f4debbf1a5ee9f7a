package io.github.duban.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadline phrases as published plans write them: recurring from a year, weekly at an hour, from the month of issue, several periods, soft outcomes. */
class RealDeadlinePhrasesTest {

    static final int YEAR = 2023;
    static final YearMonth ISSUED = YearMonth.of(2023, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "自2022年起每年6月底前|YEAR|6||true|2022-01-01",
            "自2022年起，每年6月底前|YEAR|6||true|2022-01-01",
            "从2023年开始，每季度末|QUARTER|3||true|2023-01-01",
            "2021年起每月10日前|MONTH||10|false|2021-01-01",
            "自2024年7月起每半年末|HALF_YEAR|6||true|2024-07-01",
            "每年12月10日前|YEAR|12|10|false|",
    })
    void recurringFromAYear_isRecurring_neverASingleDate(String phrase, String every, Integer month, Integer day, boolean last, String from) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR, ISSUED);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.RECURRING);
        assertThat(r.dates()).isEmpty();
        assertThat(r.recurrence().every()).isEqualTo(Recurrence.Period.valueOf(every));
        assertThat(r.recurrence().month()).isEqualTo(month);
        assertThat(r.recurrence().day()).isEqualTo(day);
        assertThat(r.recurrence().lastDay()).isEqualTo(last);
        assertThat(r.recurrence().from()).isEqualTo(from == null ? null : LocalDate.parse(from));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "每周五下午5时前|FRIDAY|17:00",
            "每周五下午5点前报送|FRIDAY|17:00",
            "每周一上午10点前|MONDAY|10:00",
            "每周四17:00前|THURSDAY|17:00",
            "每周三下午3点半前|WEDNESDAY|15:30",
    })
    void weeklyWithATimeOfDay_isRecurringWeekly(String phrase, DayOfWeek day, String time) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR, ISSUED);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.RECURRING);
        assertThat(r.recurrence().every()).isEqualTo(Recurrence.Period.WEEK);
        assertThat(r.recurrence().weekday()).isEqualTo(day);
        assertThat(r.recurrence().time()).isEqualTo(LocalTime.parse(time));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "本季度内|2023-06-30",
            "本季度末前完成|2023-06-30",
            "当月中旬|2023-05-20",
            "当月底前|2023-05-31",
            "本月20日前|2023-05-20",
            "次月10日前|2023-06-10",
            "下月底前|2023-06-30",
    })
    void relativeToTheMonthOfIssue_isThatDate(String phrase, String date) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR, ISSUED);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.DATE);
        assertThat(r.dates()).containsExactly(LocalDate.parse(date));
        assertThat(r.reason()).contains("month of issue 2023-05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"本季度内", "当月中旬", "本月底", "次月10日前"})
    void relativeToTheMonthOfIssue_withoutIt_isAmbiguous(String phrase) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR, null);
        assertThat(r.kind()).isEqualTo(DeadlineKind.AMBIGUOUS);
        assertThat(r.reason()).contains("month of issue");
    }

    @Test
    void severalPeriodsAfterOneEvent_areRelativeAndMultiple() {
        DeadlineReading r = DeadlineParser.parse("接报后2小时内报告初步情况、12小时内报送详细情况", YEAR, ISSUED);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.RELATIVE);
        assertThat(r.dates()).isEmpty();
        assertThat(r.relatives()).containsExactly(
                new RelativePeriod(2, RelativePeriod.Unit.HOUR, "接报后"),
                new RelativePeriod(12, RelativePeriod.Unit.HOUR, "接报后"));
        assertThat(r.relative()).isEqualTo(r.relatives().get(0));
        DeadlineReading three = DeadlineParser.parse("事发后1小时内电话报告，2小时内书面报告，3个工作日内报送调查报告", YEAR, ISSUED);
        assertThat(three.kind()).isEqualTo(DeadlineKind.RELATIVE);
        assertThat(three.relatives()).extracting(RelativePeriod::unit)
                .containsExactly(RelativePeriod.Unit.HOUR, RelativePeriod.Unit.HOUR, RelativePeriod.Unit.WORKING_DAY);
        assertThat(three.relatives()).allMatch(p -> "事发后".equals(p.after()));
        DeadlineReading one = DeadlineParser.parse("收到交办件后3个工作日内", YEAR, ISSUED);
        assertThat(one.relatives()).containsExactly(new RelativePeriod(3, RelativePeriod.Unit.WORKING_DAY, "收到交办件后"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2023年底前基本完成或取得明显成效|2023-12-31|基本完成",
            "2025年底前基本建成|2025-12-31|基本建成",
            "力争2024年6月底前取得阶段性成效|2024-06-30|力争",
            "9月底前初见成效|2023-09-30|初见成效",
    })
    void aDateWithASoftOutcome_isThatDate_markedSoft(String phrase, String date, String qualifier) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR, ISSUED);
        assertThat(r.kind()).as(r.reason()).isEqualTo(DeadlineKind.DATE);
        assertThat(r.dates()).containsExactly(LocalDate.parse(date));
        assertThat(r.soft()).isTrue();
        assertThat(r.qualifiers()).contains(qualifier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023年6月底左右", "年中前后", "视情况而定", "根据上级部署", "分阶段推进", "2022年起", "自2023年开始",
            "每周五下午25时前", "6月底或7月中旬", "本季度中旬", "当月", "2023年底前后", "大约9月底"})
    void lessThanFullConfidence_isAmbiguous_withItsReason(String phrase) {
        DeadlineReading r = DeadlineParser.parse(phrase, YEAR, ISSUED);
        assertThat(r.kind()).as("«%s» read as %s: %s", phrase, r.dates(), r.reason()).isEqualTo(DeadlineKind.AMBIGUOUS);
        assertThat(r.dates()).isEmpty();
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void startingInAYear_andOngoing_isOngoing() {
        DeadlineReading r = DeadlineParser.parse("自2022年起长期坚持", YEAR, ISSUED);
        assertThat(r.kind()).isEqualTo(DeadlineKind.ONGOING);
        assertThat(r.dates()).isEmpty();
    }
}
