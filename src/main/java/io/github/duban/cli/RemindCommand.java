package io.github.duban.cli;

import io.github.duban.batch.SafeOutput;
import io.github.duban.bulletin.BulletinSettings;
import io.github.duban.bulletin.DispatchSheet;
import io.github.duban.bulletin.ReminderList;
import io.github.duban.bulletin.ReminderNotices;
import io.github.duban.engine.Duban;
import io.github.duban.error.InputException;
import io.github.duban.error.LedgerException;
import io.github.duban.json.FactsJson;
import io.github.duban.json.LedgerJson;
import io.github.duban.json.PlanJson;
import io.github.duban.json.ReminderJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;
import io.github.duban.outcome.Ledger;
import io.github.duban.outcome.RemindDay;
import io.github.duban.outcome.Reminder;
import io.github.duban.outcome.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "remind", mixinStandardHelpOptions = true,
        description = {"Who must be reminded of what on a date (催办), as reminders.drl decides it.",
                "Writes reminders.jsonl, one reminder a line (id, date, kind, level, unit,",
                "person, task, month, dueOn, rule, facts, message), and reminders.md by unit.",
                "Kinds: REPORT_DUE, REPORT_OVERDUE, DEADLINE_DUE, MILESTONE_DUE,",
                "RECTIFICATION_DUE; level 提醒, or 督办 to the unit's 责任领导 for a report",
                "still overdue. The days are the policy's remind.* settings (docs/reminders.md).",
                "Without --ledger, the months before the date's month are replayed to make it.",
                "Writes each reminded unit's 督办通知 as notices/<unit>.html and .docx (the office and",
                "templates from --bulletin-settings), and the month's dispatch sheet (调度表) as",
                "dispatch.xlsx: per lead unit and task, what is owed, what is in, what is late.",
                "With --plans DIR instead of --facts: every plan folder of DIR, in parallel.",
                "With --jdbc URL --plan-id ID|--all-plans: from the fact tables into duban_reminders."})
final class RemindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Inputs inputs = new Inputs();

    @Mixin
    BulletinOptions bulletin = new BulletinOptions();

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the day to draw the reminders for")
    LocalDate date;

    @Option(names = "--ledger", paramLabel = "FILE", description = "the ledger.json of the month before the date's month")
    Path ledger;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write reminders.jsonl, reminders.md, dispatch.xlsx and notices/; required unless --jdbc")
    Path out;

    @Mixin
    JdbcAssess jdbc = new JdbcAssess();

    @Option(names = "--plans", paramLabel = "DIR",
            description = {"draw the reminders of every plan folder in DIR; OUT gets one folder per plan. Exit 3 when some plans were refused."})
    Path plans;

    @Option(names = "--threads", paramLabel = "N", description = "with --plans or --all-plans: plans drawn at once (default: all cores)")
    int threads;

    /** The files remind writes. */
    static final List<String> FILES = List.of("reminders.jsonl", "reminders.md");

    @Override
    public Integer call() {
        if (jdbc.active()) {
            return jdbc.remind(spec, inputs, date, ledger, out, plans, threads);
        }
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        AssessCommand.refuseOutInside(out, inputs.facts, "--facts");
        AssessCommand.refuseOutInside(out, plans, "--plans");
        AssessCommand.refuseOutInside(out, ledger == null ? null : ledger.toAbsolutePath().getParent(), "--ledger's folder");
        if (plans != null) {
            return plans();
        }
        if (ledger != null) {
            Inputs.requireFile(ledger, "--ledger");
        }
        Inputs.Loaded in = inputs.load();
        Plan plan = in.plan();
        Duban duban = in.duban();
        Facts f = in.facts();
        RemindDay day;
        if (ledger != null) {
            try {
                day = duban.remindDay(date, f, LedgerJson.read(ledger));
            } catch (LedgerException e) {
                throw e.in(ledger.toString());
            }
        } else {
            YearMonth month = YearMonth.from(date);
            if (!month.equals(plan.reporting().from()) && plan.reporting().covers(month)) {
                spec.commandLine().getErr().println("duban: no --ledger given; replaying " + plan.reporting().from() + ".."
                        + month.minusMonths(1) + " to make it");
            }
            day = duban.remindDay(date, f);
        }
        List<Reminder> reminders = day.reminders();
        BulletinSettings settings = bulletin.load();
        write(out, plan, day, settings);
        spec.commandLine().getErr().println("duban: " + date + ": " + reminders.size() + (reminders.size() == 1 ? " reminder (" : " reminders (")
                + reminders.stream().filter(r -> Reminder.PRESS.equals(r.level())).count() + " to responsible leaders) → " + out);
        return 0;
    }

    static Map<String, byte[]> files(Plan plan, LocalDate date, List<Reminder> reminders) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(FILES.get(0), ReminderJson.bytes(reminders));
        String name = plan.docNumber() != null && !plan.docNumber().isBlank() ? plan.docNumber() + "文件" : Text.quoted(plan.title());
        files.put(FILES.get(1), ReminderList.markdown(name, date, reminders).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The files of {@link #files}, and the notices folder made to hold exactly the date's notices. */
    static void write(Path dir, Plan plan, RemindDay day, BulletinSettings settings) {
        LocalDate date = day.date();
        List<Reminder> reminders = day.reminders();
        Map<String, byte[]> notices = new LinkedHashMap<>();
        ReminderNotices.files(plan, date, reminders, settings)
                .forEach((name, bytes) -> notices.put(name.substring(ReminderNotices.FOLDER.length() + 1), bytes));
        Map<String, byte[]> files = files(plan, date, reminders);
        files.put(DispatchSheet.FILE, DispatchSheet.xlsx(plan, day));
        SafeOutput.writeFiles(dir, files);
        SafeOutput.replaceFolder(dir.resolve(ReminderNotices.FOLDER), notices);
    }

    /** Every plan folder of {@code plans}, each into a folder of its name under {@code out}; one plan's failure is that plan's. */
    private int plans() {
        if (inputs.facts != null || inputs.plan != null || ledger != null) {
            throw new ParameterException(spec.commandLine(),
                    "--plans takes each plan's facts, plan.json and ledger.json from its own folder; drop --facts, --plan and --ledger");
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + " is negative");
        }
        if (!Files.isDirectory(plans)) {
            throw new InputException(plans.toString(), 0, null, "--plans names no folder of plans");
        }
        Duban engine = inputs.engine(PlanJson.embedded());
        BulletinSettings settings = bulletin.load();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(plans, p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))) {
            ds.forEach(folders::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + plans, e);
        }
        folders.sort((a, b) -> Text.ORDER.compare(a.getFileName().toString(), b.getFileName().toString()));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, Math.max(1, folders.size()))), r -> {
            Thread t = new Thread(r, "duban-remind");
            t.setDaemon(true);
            return t;
        });
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        int total = 0;
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path folder : folders) {
                results.add(pool.submit(() -> onePlan(engine, folder, settings)));
            }
            for (int i = 0; i < folders.size(); i++) {
                String name = folders.get(i).getFileName().toString();
                try {
                    String problem = results.get(i).get();
                    if (problem != null) {
                        failed++;
                        err.println("duban: plan " + name + " refused: " + problem);
                    }
                } catch (ExecutionException e) {
                    failed++;
                    err.println("duban: plan " + name + " refused: unexpected failure: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                total++;
            }
        } finally {
            pool.shutdownNow();
        }
        err.println("duban: " + date + ": reminders of " + (total - failed) + " of " + total + " plans → " + out);
        err.flush();
        return failed == 0 ? 0 : 3;
    }

    /** One plan folder's reminders written; null, or the problem that refused it. */
    private String onePlan(Duban engine, Path folder, BulletinSettings settings) {
        try {
            Path planFile = folder.resolve("plan.json");
            if (!Files.isRegularFile(planFile)) {
                throw new InputException(planFile.toString(), 0, null, "is missing: each plan folder needs its plan.json");
            }
            Plan plan = PlanJson.read(planFile);
            Duban duban = engine.toBuilder().plan(plan).build();
            Facts facts = FactsJson.read(folder, plan);
            Path ledgerFile = folder.resolve("ledger.json");
            RemindDay day;
            if (Files.isRegularFile(ledgerFile)) {
                try {
                    day = duban.remindDay(date, facts, LedgerJson.read(ledgerFile));
                } catch (LedgerException e) {
                    throw e.in(ledgerFile.toString());
                }
            } else {
                day = duban.remindDay(date, facts);
            }
            write(out.resolve(folder.getFileName().toString()), plan, day, settings);
            return null;
        } catch (io.github.duban.error.DubanException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
