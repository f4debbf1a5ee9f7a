package io.github.duban.spring.readme;

import io.github.duban.jdbc.DubanJdbc;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.time.ZoneId;

// README example begins
@Service
class MonthEndJob {
    private final DubanJdbc duban;                        // auto-configured over the application's DataSource

    MonthEndJob(DubanJdbc duban) {
        this.duban = duban;
    }

    @Scheduled(cron = "0 0 2 1 * *")                      // 02:00 on the 1st: assess the month before
    void run() {
        duban.assessAll(YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1), 4);
    }
}
// README example ends
