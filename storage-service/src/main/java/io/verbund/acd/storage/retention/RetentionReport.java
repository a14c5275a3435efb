package io.verbund.acd.storage.retention;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What one retention sweep removed, per tenant and category, on which node and when: logged, kept
 * on the shared root as the last run, and answered by {@code GET /api/v1/retention/last-run}.
 */
public record RetentionReport(String node, Instant started, Instant finished, List<Removed> removed, int staleTempFiles) {

    /** The files of one tenant's category that were past their retention. */
    public record Removed(String tenant, String category, long files, long bytes) {
    }

    public long files() {
        return removed.stream().mapToLong(Removed::files).sum();
    }

    public long bytes() {
        return removed.stream().mapToLong(Removed::bytes).sum();
    }

    /** The same report limited to one tenant's rows, for that tenant's administrators. */
    public RetentionReport forTenant(String tenant) {
        return new RetentionReport(node, started, finished, removed.stream().filter(row -> row.tenant().equals(tenant)).toList(), 0);
    }

    public JsonObject toJson() {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        removed.forEach(row -> rows.add(Json.createObjectBuilder().add("tenant", row.tenant()).add("category", row.category())
                .add("files", row.files()).add("bytes", row.bytes())));
        return Json.createObjectBuilder().add("node", node).add("started", started.toString()).add("finished", finished.toString())
                .add("files", files()).add("bytes", bytes()).add("staleTempFiles", staleTempFiles).add("removed", rows).build();
    }

    public static RetentionReport fromJson(JsonObject json) {
        List<Removed> rows = json.getJsonArray("removed").getValuesAs(JsonObject.class).stream()
                .map(row -> new Removed(row.getString("tenant"), row.getString("category"),
                        row.getJsonNumber("files").longValue(), row.getJsonNumber("bytes").longValue()))
                .toList();
        return new RetentionReport(json.getString("node"), Instant.parse(json.getString("started")),
                Instant.parse(json.getString("finished")), rows, json.getInt("staleTempFiles", 0));
    }
}
