package io.verbund.acd.runtime.audit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The "what" of an audit entry as a compact JSON object: the fields a change touched with their
 * old and new values ({@code {"changed":{"wrapUpSeconds":{"from":30,"to":60}}}}), what was created
 * or deleted, and which secrets were set. Secret fields (passwords, secrets, tokens, PINs, hashes)
 * are named but never shown; long values are cut, long lists and objects reduced to their size, so
 * an entry stays within {@link AuditEntry#SUMMARY_LENGTH}.
 */
public final class AuditSummary {

    private static final int VALUE_LENGTH = 120;
    private static final int NESTED_LENGTH = 300;
    /** Bookkeeping every change moves: listing it would hide what the person changed. */
    private static final Set<String> NOISE = Set.of("version", "updatedAt", "updatedBy", "createdAt", "createdBy", "lastUsedAt",
            "lastAttemptAt", "lastStatus");
    private static final String HIDDEN = "***";

    private AuditSummary() {
    }

    /** True for a field whose value must never reach the log: a password, secret, token, PIN or hash. */
    public static boolean secret(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("secret") || name.equals("token") || name.endsWith("token")
                || name.equals("pin") || name.endsWith("pin") || name.contains("credential") || name.contains("hash");
    }

    /** The top-level fields that differ, old and new values; secrets only named. Empty object when nothing did. */
    public static JsonObject changes(JsonObject before, JsonObject after) {
        JsonObjectBuilder changed = Json.createObjectBuilder();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            if (NOISE.contains(field)) {
                continue;
            }
            JsonValue from = before.getOrDefault(field, JsonValue.NULL);
            JsonValue to = after.getOrDefault(field, JsonValue.NULL);
            if (same(from, to)) {
                continue;
            }
            if (secret(field)) {
                changed.add(field, HIDDEN);
            } else {
                changed.add(field, Json.createObjectBuilder().add("from", compact(from)).add("to", compact(to)));
            }
        }
        return changed.build();
    }

    /**
     * Equal as JSON means: numbers by value, so {@code 1.00} as read from the database and {@code 1}
     * as just computed are no change.
     */
    static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(key -> same(x.get(key), y.get(key)));
        }
        return a.equals(b);
    }

    /** The fields of a document, compacted, secrets hidden, bookkeeping left out. */
    public static JsonObject fields(JsonObject document) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        document.forEach((field, value) -> {
            if (!NOISE.contains(field) && value.getValueType() != JsonValue.ValueType.NULL) {
                fields.add(field, secret(field) ? Json.createValue(HIDDEN) : compact(value));
            }
        });
        return fields.build();
    }

    /**
     * Assembles a summary of a change: {@code changed} (the differences, when both documents are
     * known), {@code created}, {@code deleted} or {@code now} (one document's fields),
     * {@code secretsSet} (names only) and any extra {@code details}; cut to field names when it
     * would be too long.
     *
     * @param before     the document before the change, or null
     * @param after      the document after it, or null
     * @param secretsSet names of secret fields the request set, e.g. {@code password}
     * @param details    further facts (no secrets), or null
     */
    public static String of(AuditAction action, JsonObject before, JsonObject after, Collection<String> secretsSet,
                            JsonObject details) {
        JsonObjectBuilder summary = Json.createObjectBuilder();
        if (before != null && after != null) {
            summary.add("changed", changes(before, after));
        } else if (after != null) {
            summary.add(action == AuditAction.CREATED ? "created" : "now", fields(after));
        } else if (before != null) {
            summary.add("deleted", fields(before));
        }
        if (secretsSet != null && !secretsSet.isEmpty()) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            secretsSet.forEach(names::add);
            summary.add("secretsSet", names);
        }
        if (details != null) {
            details.forEach((field, value) -> summary.add(field, secret(field) ? Json.createValue(HIDDEN) : compact(value)));
        }
        JsonObject whole = summary.build();
        String text = whole.toString();
        return text.length() <= AuditEntry.SUMMARY_LENGTH ? text : fieldNamesOnly(whole);
    }

    /** Too long with values: each part keeps only the names of its fields. */
    private static String fieldNamesOnly(JsonObject whole) {
        JsonObjectBuilder names = Json.createObjectBuilder();
        whole.forEach((part, value) -> {
            if (value instanceof JsonObject object) {
                JsonArrayBuilder keys = Json.createArrayBuilder();
                object.keySet().forEach(keys::add);
                names.add(part + "Fields", keys);
            } else {
                names.add(part, compact(value));
            }
        });
        String text = names.build().toString();
        return text.length() <= AuditEntry.SUMMARY_LENGTH ? text
                : Json.createObjectBuilder().add("truncated", true).add("length", whole.toString().length()).build().toString();
    }

    /** A value short enough for the log: strings cut, big lists and objects as their size; secrets inside hidden. */
    static JsonValue compact(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> {
                String text = ((JsonString) value).getString();
                yield text.length() <= VALUE_LENGTH ? value : Json.createValue(text.substring(0, VALUE_LENGTH) + "…");
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                JsonArrayBuilder hidden = Json.createArrayBuilder();
                array.forEach(item -> hidden.add(hideSecrets(item)));
                JsonArray safe = hidden.build();
                yield safe.toString().length() <= NESTED_LENGTH ? safe : Json.createValue("[" + array.size() + " items]");
            }
            case OBJECT -> {
                JsonValue safe = hideSecrets(value);
                yield safe.toString().length() <= NESTED_LENGTH ? safe : Json.createValue("{" + ((JsonObject) value).size() + " fields}");
            }
            default -> value;
        };
    }

    private static JsonValue hideSecrets(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder safe = Json.createObjectBuilder();
            object.forEach((field, inner) -> safe.add(field, secret(field) ? Json.createValue(HIDDEN) : hideSecrets(inner)));
            return safe.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder safe = Json.createArrayBuilder();
            array.forEach(item -> safe.add(hideSecrets(item)));
            return safe.build();
        }
        return value;
    }
}
