package io.github.duban.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A task as one source states it, before units are split and the deadline is read. */
final class RawTask {
    int line;
    int no;
    String goal;
    boolean goalCarried;
    String title;
    String measure;
    String lead;
    String support;
    String responsible;
    String leader;
    String person;
    String deadline;
    final List<String> notes = new ArrayList<>();
    /** The header of the table column each field came from (empty for a task of the body). */
    final Map<Role, String> columns = new EnumMap<>(Role.class);

    RawTask(int line) {
        this.line = line;
    }

    /** The column a field came from, as a problem names it ("column 完成时限"), or null outside a table. */
    String column(Role role) {
        String c = columns.get(role);
        return c == null ? null : "column " + c;
    }

    boolean hasAssignment() {
        return lead != null || support != null || responsible != null;
    }

    void put(Role role, String value) {
        String v = value == null ? "" : value.strip().replaceAll("^[:：\\s]+", "").replaceAll("[;；。,，.、\\s]+$", "").strip();
        switch (role) {
            case LEAD -> lead = concat(lead, v);
            case SUPPORT -> support = concat(support, v);
            case RESPONSIBLE -> responsible = concat(responsible, v);
            case LEADER -> leader = concat(leader, v);
            case PERSON -> person = concat(person, v);
            case DEADLINE -> deadline = deadline == null || deadline.isEmpty() ? v : deadline + "，" + v;
            case GOAL -> goal = v;
            case TITLE -> title = v;
            case MEASURE -> measure = concat(measure, value == null ? "" : value.strip());
            default -> { }
        }
    }

    private static String concat(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "、" + b;
    }
}
