package io.github.duban.spring.remind;

import io.github.duban.jdbc.DubanJdbc;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

// docs/reminders.md example begins
@Service
class RemindJob {
    private final DubanJdbc duban;                        // auto-configured over the application's DataSource

    RemindJob(DubanJdbc duban) {
        this.duban = duban;
    }

    @Scheduled(cron = "0 30 7 * * *", zone = "Asia/Shanghai")   // 07:30 every day (the rules know the working days)
    void run() {
        remind(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    List<DubanJdbc.Reminded> remind(LocalDate date) {
        return duban.remind(date);                        // every plan into duban_reminders; a rerun replaces the day's rows
    }
}
// docs/reminders.md example ends
