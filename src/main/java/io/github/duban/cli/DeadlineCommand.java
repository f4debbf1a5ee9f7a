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

/** {@code duban deadline --year Y PHRASE…}: how a deadline phrase (完成时限) is read, as JSON. */
@Command(name = "deadline", mixinStandardHelpOptions = true,
        description = "Reads deadline phrases (完成时限) and prints how they are read as JSON: one object, or an array for several phrases.")
public final class DeadlineCommand implements Callable<Integer> {

    @Option(names = "--year", paramLabel = "Y",
            description = "Year of dates that name none (6月底前). Without it such phrases come back AMBIGUOUS.")
    Integer year;

    @Parameters(arity = "1..*", paramLabel = "PHRASE", description = "The phrase(s), e.g. \"2021年4月底\" \"每月25日前\".")
    List<String> phrases = new ArrayList<>();

    @Override
    public Integer call() {
        if (year != null && (year < 1990 || year > 2100)) {
            CliJson.print(System.err, "deadline: --year " + year + " is outside 1990..2100\n");
            return 2;
        }
        List<DeadlineReading> readings = new ArrayList<>();
        for (String p : phrases) {
            DeadlineReading r = DeadlineParser.parse(p, year == null ? 0 : year);
            if (r.kind() == DeadlineKind.AMBIGUOUS) {
                CliJson.print(System.err, "deadline: «" + p + "» is AMBIGUOUS: " + r.reason() + "\n");
            }
            readings.add(r);
        }
        CliJson.print(System.out, CliJson.write(readings.size() == 1 ? readings.get(0) : readings));
        return 0;
    }
}
