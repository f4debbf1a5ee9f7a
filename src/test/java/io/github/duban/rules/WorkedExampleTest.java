package io.github.duban.rules;

import io.github.duban.engine.Duban;
import io.github.duban.model.Completion;
import io.github.duban.model.Facts;
import io.github.duban.model.ProgressReport;
import io.github.duban.outcome.Assessment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkedExampleTest {

    @Test
    void smoke() {
        Duban duban = Duban.builder().build();
        Facts facts = Facts.of(List.of(
                ProgressReport.of(9, "区住建局", YearMonth.of(2021, 2), LocalDate.of(2021, 2, 20), 30),
                ProgressReport.of(9, "区住建局", YearMonth.of(2021, 3), LocalDate.of(2021, 3, 20), 60),
                ProgressReport.of(9, "区住建局", YearMonth.of(2021, 4), LocalDate.of(2021, 4, 23), 90),
                ProgressReport.of(9, "区住建局", YearMonth.of(2021, 5), LocalDate.of(2021, 5, 20), 95)),
                List.of(Completion.of(9, LocalDate.of(2021, 6, 5))), List.of(), List.of(), List.of());
        List<Assessment> all = duban.replay(YearMonth.of(2021, 2), YearMonth.of(2021, 6), facts);
        for (Assessment a : all) {
            System.out.println(a.period());
            a.findings().stream().filter(f -> f.unit().equals("区住建局")).forEach(f -> System.out.println("  " + f.kind() + " " + f.task() + " " + f.reason()));
            a.sanctions().stream().filter(f -> f.unit().equals("区住建局")).forEach(f -> System.out.println("  S " + f));
            a.scores().stream().filter(f -> f.unit().equals("区住建局")).forEach(f -> System.out.println("  " + f.score() + " " + f.rating() + " " + f.rank()));
            a.board().stream().filter(b -> b.task() == 9).forEach(b -> System.out.println("  " + b));
        }
        assertThat(all).hasSize(5);
    }
}
