package io.github.duban.bulletin;

import io.github.duban.outcome.Reminder;
import io.github.duban.outcome.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A day's reminders as a short Markdown list for the supervision office (reminders.md): a heading,
 * one sentence of totals, then each unit (in code point order) with its reminders. The same
 * reminders always give the same text. Thread-safe.
 */
public final class ReminderList {

    private ReminderList() {
    }

    /** The reminders of {@code date} under plan {@code planName} (冷优组发〔2021〕3号文件, or its title in quotes). */
    public static String markdown(String planName, LocalDate date, List<Reminder> reminders) {
        StringBuilder sb = new StringBuilder();
        sb.append("# 催办提醒（").append(Text.dateText(date)).append("）\n\n");
        Map<String, List<Reminder>> byUnit = new LinkedHashMap<>();
        List<Reminder> sorted = new ArrayList<>(reminders);
        sorted.sort((a, b) -> {
            int u = Text.ORDER.compare(a.unit(), b.unit());
            return u != 0 ? u : a.compareTo(b);
        });
        sorted.forEach(r -> byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r));
        long pressed = reminders.stream().filter(r -> Reminder.PRESS.equals(r.level())).count();
        if (reminders.isEmpty()) {
            sb.append("根据").append(planName).append("，").append(Text.dateText(date)).append("无催办事项。\n");
            return sb.toString();
        }
        sb.append("根据").append(planName).append("，").append(Text.dateText(date)).append("应催办事项共").append(reminders.size())
                .append("项，涉及").append(byUnit.size()).append("个单位");
        if (pressed > 0) {
            sb.append("，其中需责任领导督办").append(pressed).append("项");
        }
        sb.append("。请各单位对照时限抓紧办理，按时报送。\n");
        for (Map.Entry<String, List<Reminder>> e : byUnit.entrySet()) {
            sb.append("\n## ").append(e.getKey()).append("\n\n");
            int n = 1;
            for (Reminder r : e.getValue()) {
                sb.append(n++).append(". 【").append(r.level()).append("·").append(r.kind().chinese()).append("】").append(r.message());
                if (r.person() != null) {
                    sb.append("（").append(Reminder.PRESS.equals(r.level()) ? "责任领导：" : "责任人：").append(r.person()).append("）");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
