package io.verbund.acd.runtime.health;

import io.verbund.acd.runtime.alarm.Alarm;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One health answer: the service is UP only when every datasource role it needs, the schema and
 * the cache cluster are UP. Roles it does not need are still reported, so an operator sees them.
 */
public record HealthReport(String service, String node, String version,
                           Map<DatasourceRole, Check> datasources, Set<DatasourceRole> required,
                           Check schema, Check cache, List<Alarm> alarms, Map<String, Check> own) {

    public HealthReport {
        datasources = new EnumMap<>(datasources);
        required = Set.copyOf(required);
        alarms = List.copyOf(alarms);
        own = new java.util.TreeMap<>(own);
    }

    /** Without checks of the service's own (see {@link ServiceCheck}). */
    public HealthReport(String service, String node, String version, Map<DatasourceRole, Check> datasources,
                        Set<DatasourceRole> required, Check schema, Check cache, List<Alarm> alarms) {
        this(service, node, version, datasources, required, schema, cache, alarms, Map.of());
    }

    public boolean up() {
        return schema.up() && cache.up() && own.values().stream().allMatch(Check::up)
                && required.stream().allMatch(role -> datasources.containsKey(role) && datasources.get(role).up());
    }

    public JsonObject toJson() {
        JsonObjectBuilder roles = Json.createObjectBuilder();
        datasources.forEach((role, check) -> roles.add(role.key(), Json.createObjectBuilder(check.details())
                .add("required", required.contains(role))));
        JsonObjectBuilder checks = Json.createObjectBuilder()
                .add("datasources", roles)
                .add("schema", schema.details())
                .add("cache", cache.details());
        own.forEach((name, check) -> checks.add(name, check.details()));
        return Json.createObjectBuilder()
                .add("status", up() ? "UP" : "DOWN")
                .add("service", service)
                .add("node", node)
                .add("version", version)
                .add("checks", checks)
                .add("alarms", alarmsJson())
                .build();
    }

    /** Alarms do not make a service DOWN: it still works, but an operator must act. */
    private JsonArrayBuilder alarmsJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        alarms.forEach(alarm -> list.add(alarm.toJson()));
        return list;
    }
}
