package io.github.duban.importer;

import java.util.ArrayList;
import java.util.List;

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

    RawTask(int line) {
        this.line = line;
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
