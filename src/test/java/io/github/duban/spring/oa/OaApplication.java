package io.github.duban.spring.oa;

import io.github.duban.jdbc.DubanJdbc;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

import java.time.YearMonth;

/** A stand-in for an OA system's Boot application: it only adds duban to its classpath and calls the bean. */
@SpringBootApplication
public class OaApplication {

    /** The OA's month-end job. */
    @Service
    public static class MonthEndJob {
        private final DubanJdbc duban;

        public MonthEndJob(DubanJdbc duban) {
            this.duban = duban;
        }

        public DubanJdbc.MonthEnd run(String planId, YearMonth month) {
            return duban.assess(planId, month);
        }
    }
}
