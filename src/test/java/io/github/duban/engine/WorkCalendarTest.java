package io.github.duban.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.model.Policy;
import io.github.duban.model.ReportingRule;
import io.github.duban.outcome.Assessment;
import io.github.duban.outcome.FindingKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkCalendarTest {

    static final WorkCalendar CN = WorkCalendar.china();
    /** The published schedules, kept with their source and licence in the test resources (README.md there). */
    static final Path REFERENCE = Path.of("src/test/resources/calendar/holiday-cn");

    @Test
    void theEmbeddedSchedule_agreesDayByDayWithTheReferenceData_2020to2026() throws IOException {
        assertThat(REFERENCE).isDirectory();
        Map<LocalDate, Boolean> ref = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(REFERENCE)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{4}\\.json")).toList()) {
                for (JsonNode d : json.readTree(f.toFile()).get("days")) {
                    ref.put(LocalDate.parse(d.get("date").asText()), !d.get("isOffDay").asBoolean());
                }
            }
        }
        assertThat(ref).hasSizeGreaterThan(200);
        for (LocalDate d = LocalDate.of(2020, 1, 1); !d.isAfter(LocalDate.of(2026, 12, 31)); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            assertThat(CN.isWorkingDay(d)).as(d.toString()).isEqualTo(ref.getOrDefault(d, weekday));
        }
    }

    @Test
    void holidaysAndMakeUpDays_2021() {
        assertThat(CN.isWorkingDay(LocalDate.of(2021, 2, 11))).isFalse();   // 春节
        assertThat(CN.isWorkingDay(LocalDate.of(2021, 2, 7))).isTrue();     // Sunday made a working day
        assertThat(CN.isWorkingDay(LocalDate.of(2021, 4, 25))).isTrue();    // Sunday made a working day
        assertThat(WorkCalendar.weekendsOnly().isWorkingDay(LocalDate.of(2021, 4, 25))).isFalse();
    }

    @Test
    void workingDaysAreCountedInTheHalfOpenInterval() {
        // May 2021: 21 weekdays, less 5/3–5/5, plus Saturday 5/8
        assertThat(CN.workingDaysBetween(LocalDate.of(2021, 4, 30), LocalDate.of(2021, 5, 31))).isEqualTo(19);
        assertThat(CN.workingDaysBetween(LocalDate.of(2021, 5, 31), LocalDate.of(2021, 4, 30))).isEqualTo(-19);
        assertThat(CN.workingDaysBetween(LocalDate.of(2021, 5, 31), LocalDate.of(2021, 5, 31))).isZero();
        // the 15th working day after 2021-05-31 skips 端午 (6/14)
        assertThat(CN.nthWorkingDayAfter(LocalDate.of(2021, 5, 31), 15)).isEqualTo(LocalDate.of(2021, 6, 22));
    }

    @Test
    void aPolicyInWorkingDays_countsOverdueDaysAndTheRectifyByDateInWorkingDays() {
        Policy working = new Policy(30, 50, 15, 15, 30, 10, Policy.DEFAULT.reportLate(), Policy.DEFAULT.reportMissing(),
                Policy.DEFAULT.taskOverdue(), Policy.DEFAULT.notice(), Policy.DEFAULT.criticism(), Policy.DEFAULT.exposure(),
                Policy.DEFAULT.completedEarly(), Policy.DEFAULT.commended(), Policy.DEFAULT.bonusCap(),
                Policy.DEFAULT.excellent(), Policy.DEFAULT.good(), Policy.DEFAULT.pass(), null, true, true);
        Duban duban = Duban.builder().plan(PlanJson.embedded()).policy(working).build();
        Facts facts = Facts.of(Stream.of(2, 3, 4, 5).map(m -> io.github.duban.model.ProgressReport.of(9, "区住建局",
                        YearMonth.of(2021, m), LocalDate.of(2021, m, 20), 20 * m)).toList(),
                List.of(Completion.of(1, LocalDate.of(2021, 3, 1))), List.of(), List.of(), List.of());
        Assessment may = duban.replay(YearMonth.of(2021, 5), YearMonth.of(2021, 5), facts).get(0);
        assertThat(may.findings()).filteredOn(f -> f.kind() == FindingKind.TASK_OVERDUE && f.task() == 9)
                .singleElement().satisfies(f -> assertThat(f.days()).isEqualTo(19));
        assertThat(may.sanctions()).filteredOn(s -> s.task() != null && s.task() == 9)
                .singleElement().satisfies(s -> assertThat(s.rectifyBy()).isEqualTo(LocalDate.of(2021, 6, 22)));
    }

    @Test
    void aDueDateOnANonWorkingDay_rollsToTheNextWorkingDay_whenThePolicySaysSo() {
        Plan p = PlanJson.embedded();
        Plan autumn = new Plan(p.title(), p.docNumber(), p.issuedOn(),
                ReportingRule.of(YearMonth.of(2021, 2), YearMonth.of(2021, 10), 25), p.stages(), p.goals(), p.units(), p.tasks());
        Policy roll = new Policy(30, 50, 15, 15, 30, 10, Policy.DEFAULT.reportLate(), Policy.DEFAULT.reportMissing(),
                Policy.DEFAULT.taskOverdue(), Policy.DEFAULT.notice(), Policy.DEFAULT.criticism(), Policy.DEFAULT.exposure(),
                Policy.DEFAULT.completedEarly(), Policy.DEFAULT.commended(), Policy.DEFAULT.bonusCap(),
                Policy.DEFAULT.excellent(), Policy.DEFAULT.good(), Policy.DEFAULT.pass(), null, false, true);
        Duban rolling = Duban.builder().plan(autumn).policy(roll).build();
        Duban plain = Duban.builder().plan(autumn).build();
        // 2021-09-25 is a Saturday; Sunday 09-26 is a make-up working day
        assertThat(dueOn(plain, YearMonth.of(2021, 9))).isEqualTo(LocalDate.of(2021, 9, 25));
        assertThat(dueOn(rolling, YearMonth.of(2021, 9))).isEqualTo(LocalDate.of(2021, 9, 26));
        // 2021-04-25 is a Sunday but a working day: it stays
        assertThat(dueOn(rolling, YearMonth.of(2021, 4))).isEqualTo(LocalDate.of(2021, 4, 25));
    }

    /** The due date the rules concluded for month {@code m} (the month replayed with no facts). */
    private static LocalDate dueOn(Duban duban, YearMonth m) {
        return duban.replay(m, m, Facts.none()).get(0).summary().reportsDue();
    }

    @Test
    void aDayOfAYearTheCalendarDoesNotHold_isRefused_neverGuessed() {
        assertThat(CN.firstYear()).isEqualTo(2020);
        assertThat(CN.lastYear()).isEqualTo(2026);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CN.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOfSatisfying(io.github.duban.error.CalendarException.class, e -> {
                    assertThat(e.date()).isEqualTo(LocalDate.of(2027, 1, 4));
                    assertThat(e.getMessage()).contains("2020–2026", "--calendar");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CN.workingDaysBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 5)))
                .isInstanceOf(io.github.duban.error.CalendarException.class);
        assertThat(WorkCalendar.weekendsOnly().isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue();
        WorkCalendar y2027 = WorkCalendar.parse("years 2027 2027\n2027-02-06 off\n", "cal.txt");
        assertThat(y2027.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> y2027.isWorkingDay(LocalDate.of(2026, 12, 31)))
                .isInstanceOf(io.github.duban.error.CalendarException.class);
        assertThat(WorkCalendar.parse("2025-10-01 off\n2026-01-01 off\n", "c").lastYear()).isEqualTo(2026);
    }

    @org.junit.jupiter.api.Test
    void aDateOutsideTheYearsTheScheduleCovers_isRefusedNamingThem() {
        WorkCalendar china = WorkCalendar.china();
        org.assertj.core.api.Assertions.assertThat(china.covers(java.time.LocalDate.of(2021, 5, 20))).isTrue();
        org.assertj.core.api.Assertions.assertThat(china.check(java.time.LocalDate.of(2020, 1, 1))).isEqualTo(java.time.LocalDate.of(2020, 1, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> china.check(java.time.LocalDate.of(2031, 5, 20)))
                .isInstanceOf(io.github.duban.error.CalendarException.class)
                .hasMessageContaining("2020–2026").hasMessageContaining("2031-05-20");
        org.assertj.core.api.Assertions.assertThat(WorkCalendar.weekendsOnly().covers(java.time.LocalDate.of(2031, 5, 20)))
                .as("weekends only answers for every year").isTrue();
    }
}
