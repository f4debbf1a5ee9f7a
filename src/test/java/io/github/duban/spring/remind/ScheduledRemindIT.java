package io.github.duban.spring.remind;

import io.github.duban.engine.Duban;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.jdbc.SampleTables;
import io.github.duban.jdbc.TestDatabases;
import io.github.duban.json.FactsJson;
import io.github.duban.outcome.Reminder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.github.duban.jdbc.SampleTables.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configured DubanJdbc's remind(LocalDate) from a @Scheduled job, as docs/reminders.md shows it. */
class ScheduledRemindIT {

    @Test
    void aScheduledJob_drawsEveryPlansRemindersThroughTheBean() throws Exception {
        TestDatabases.Server pg = TestDatabases.postgres();
        DataSource ds = pg.newDatabase();
        SampleTables.load(ds, PLAN_ID);
        String database;
        try (Connection c = ds.getConnection()) {
            database = c.getCatalog();
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RemindApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn",
                        "spring.datasource.url=" + pg.url(database), "spring.datasource.username=" + pg.user(),
                        "spring.datasource.password=" + pg.password()).run()) {
            // the job is scheduled by its cron
            assertThat(app.getBean(ScheduledTaskHolder.class).getScheduledTasks())
                    .anySatisfy(t -> assertThat(t.getTask()).isInstanceOfSatisfying(CronTask.class,
                            c -> assertThat(c.getExpression()).isEqualTo("0 30 7 * * *")));
            // and, run for a day of the sample plan, writes that day's reminders
            Duban duban = app.getBean(Duban.class);
            LocalDate day = LocalDate.of(2021, 3, 22);
            List<Reminder> expected = duban.reminders(day, FactsJson.sampleYear(duban.plan()));
            List<DubanJdbc.Reminded> done = app.getBean(RemindJob.class).remind(day);
            assertThat(done).singleElement().satisfies(r -> assertThat(r.reminders()).isEqualTo(expected));
            assertThat(ids(ds)).isEqualTo(expected.stream().map(Reminder::id).toList()).isNotEmpty();
        }
    }

    @Test
    void docsRemindersShowsTheJobThatCompilesHere() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/github/duban/spring/remind/RemindJob.java"), StandardCharsets.UTF_8);
        String begin = "// docs/reminders.md example begins\n";
        String example = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("// docs/reminders.md example ends"));
        assertThat(Files.readString(Path.of("docs/reminders.md"), StandardCharsets.UTF_8)).contains("```java\n" + example + "```");
    }

    static List<String> ids(DataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM duban_reminders WHERE plan_id = ? ORDER BY seq")) {
            ps.setString(1, PLAN_ID);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
