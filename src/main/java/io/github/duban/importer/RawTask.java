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
    /** The number as the document prints it (1. （一） (2)); null for a table row. */
    String label;
    /** The task this one belongs to (nested measures), or null. */
    RawTask parent;
    /** True when other tasks belong to this one: it groups them and is never judged. */
    boolean group;
    /** True when the lead unit comes from a heading above (一、县示范区管委会牵头工作). */
    boolean leadFromHeading;
    /** True when the assignment stands on a line of its own after the measure; the line it starts on. */
    boolean assignmentOwnLine;
    int assignmentLine;
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

    /** Moves {@code other}'s assignment (units, persons, deadline) to this task. */
    void takeAssignment(RawTask other) {
        lead = other.lead;
        support = other.support;
        responsible = other.responsible;
        leader = other.leader;
        person = other.person;
        deadline = other.deadline;
        other.lead = null;
        other.support = null;
        other.responsible = null;
        other.leader = null;
        other.person = null;
        other.deadline = null;
        other.assignmentOwnLine = false;
    }

    /** Takes {@code from}'s units, persons and deadline where this task names none of its own (nested measures). */
    void inherit(RawTask from) {
        if (lead == null && support == null && responsible == null) {
            lead = from.lead;
            support = from.support;
            responsible = from.responsible;
            leadFromHeading = from.leadFromHeading;
        }
        if (leader == null && person == null) {
            leader = from.leader;
            person = from.person;
        }
        if (deadline == null || deadline.isBlank()) {
            deadline = from.deadline;
        }
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
            case MEASURE -> {
                String v2 = value == null ? "" : value.strip();
                measure = measure == null || measure.isEmpty() ? v2 : v2.isEmpty() ? measure
                        : measure + (measure.matches("(?s).*[。；;！？!?]$") ? "" : "；") + v2;
            }
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
