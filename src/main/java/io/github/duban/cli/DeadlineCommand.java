package io.github.duban.cli;

import io.github.duban.importer.DeadlineKind;
import io.github.duban.importer.DeadlineParser;
import io.github.duban.importer.DeadlineReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code duban deadline [--year Y] [--issued YYYY-MM] PHRASE…}: how a deadline phrase (完成时限) is read, as JSON. */
@Command(name = "deadline", mixinStandardHelpOptions = true,
        description = "Reads deadline phrases (完成时限) and prints how they are read as JSON: one object, or an array for several phrases.")
public final class DeadlineCommand implements Callable<Integer> {

    @Option(names = "--year", paramLabel = "Y",
            description = "Year of dates that name none (6月底前). Without it such phrases come back AMBIGUOUS.")
    Integer year;

    @Option(names = "--issued", paramLabel = "YYYY-MM",
            description = "Month the plan was issued, which 本季度内, 当月中旬 and 次月10日 count from. Without it such phrases come back AMBIGUOUS.")
    String issued;

    @Parameters(arity = "1..*", paramLabel = "PHRASE", description = "The phrase(s), e.g. \"2021年4月底\" \"每月25日前\".")
    List<String> phrases = new ArrayList<>();

    @Override
    public Integer call() {
        if (year != null && (year < 1990 || year > 2100)) {
            CliJson.print(System.err, "deadline: --year " + year + " is outside 1990..2100\n");
            return 2;
        }
        java.time.YearMonth month = null;
        if (issued != null) {
            try {
                month = java.time.YearMonth.parse(issued.strip());
            } catch (java.time.format.DateTimeParseException e) {
                CliJson.print(System.err, "deadline: --issued «" + issued + "» is not a month such as 2023-05\n");
                return 2;
            }
        }
        List<DeadlineReading> readings = new ArrayList<>();
        for (String p : phrases) {
            DeadlineReading r = DeadlineParser.parse(p, year == null ? (month == null ? 0 : month.getYear()) : year, month);
            if (r.kind() == DeadlineKind.AMBIGUOUS) {
                CliJson.print(System.err, "deadline: «" + p + "» is AMBIGUOUS: " + r.reason() + "\n");
            }
            readings.add(r);
        }
        CliJson.print(System.out, CliJson.write(readings.size() == 1 ? readings.get(0) : readings));
        return 0;
    }
}
