package io.github.duban.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit (单位) named by the plan, or a group of units (a {@code UnitGroup} such as 各乡镇)
 * when {@code group} is true. Groups are never scored and never named by an inspection.
 * {@code leader} (责任领导) and {@code person} (责任人) are optional.
 * Immutable and thread-safe.
 */
public record Unit(String id, String name, List<String> aliases, boolean group, String leader, String person) {

    /**
     * Checks that the id is given and not blank; a null name becomes the id, null aliases none.
     *
     * @throws IllegalArgumentException when the id is blank
     */
    public Unit {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("unit id is blank");
        }
        name = name == null ? id : name;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A unit named by its id alone, with no aliases and no persons. */
    public static Unit of(String id) {
        return new Unit(id, id, List.of(), false, null, null);
    }

    /** A group of units (such as 各乡镇) named by its id alone: never scored, never inspected. */
    public static Unit group(String id) {
        return new Unit(id, id, List.of(), true, null, null);
    }

    /** Id, name and aliases: every way facts may name this unit. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(id);
        if (!name.equals(id)) {
            all.add(name);
        }
        for (String a : aliases) {
            if (!all.contains(a)) {
                all.add(a);
            }
        }
        return all;
    }
}
