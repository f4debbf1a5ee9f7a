package io.github.duban.spring.remind;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** An OA's Boot application with duban on its classpath and a scheduled job drawing each day's reminders. */
@SpringBootApplication
@EnableScheduling
public class RemindApplication {
}
