package io.github.duban.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.model.Policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a policy file: a JSON object whose keys are {@link Policy}'s component names;
 * keys left out keep their defaults (DESIGN §6). Thread-safe.
 */
public final class PolicyJson {

    private PolicyJson() {
    }

    public static Policy read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read the policy file: " + e.getMessage());
        }
    }

    public static Policy read(String json, String source) {
        JsonNode given;
        try {
            given = Mappers.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw InputException.from(source, e);
        }
        if (given == null || !given.isObject()) {
            throw new InputException(source, 1, null, "expected a JSON object of policy numbers");
        }
        ObjectNode merged = (ObjectNode) Mappers.MAPPER.valueToTree(Policy.DEFAULT);
        Iterator<Map.Entry<String, JsonNode>> it = given.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!merged.has(e.getKey())) {
                throw new InputException(source, 0, e.getKey(), "is not a policy setting (expected one of " + java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(merged.fieldNames(), 0), false).toList() + ")");
            }
            merged.set(e.getKey(), e.getValue());
        }
        try {
            return Mappers.MAPPER.treeToValue(merged, Policy.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InputException(source, 0, null, "the policy is refused: " + cause.getMessage());
        }
    }

    /** The policy as pretty JSON. */
    public static String write(Policy policy) {
        try {
            return Mappers.PRETTY.writeValueAsString(policy) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy as canonical JSON: keys sorted, numbers normalised (no trailing zeros, no exponent), no spaces. */
    public static String canonical(Policy policy) {
        JsonNode tree = Mappers.MAPPER.valueToTree(policy);
        Map<String, JsonNode> sorted = new TreeMap<>();
        tree.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonNode v = e.getValue();
            sb.append('"').append(e.getKey()).append("\":");
            sb.append(v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.toString());
        }
        return sb.append('}').toString();
    }
}
