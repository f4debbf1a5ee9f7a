package io.github.duban.oracle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The oracle's 台账: the cases a month leaves open, carried to the next month (DESIGN §5). */
public record OracleLedger(YearMonth period, LocalDate asOf, List<OracleResult.Case> cases) {
    public OracleLedger {
        cases = List.copyOf(cases);
    }
}
