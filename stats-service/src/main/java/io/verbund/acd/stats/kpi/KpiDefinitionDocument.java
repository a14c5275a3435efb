package io.verbund.acd.stats.kpi;

import io.verbund.acd.statistics.KpiDefinition;
import java.time.Instant;

/** A KPI definition version as the API shows it; {@code createdAt}/{@code createdBy} absent for the standard version 1 never saved. */
public record KpiDefinitionDocument(int version, String serviceLevel, boolean shortAbandonsExcluded, boolean wrapUpInHandleTime,
                                    Instant createdAt, String createdBy) {

    static KpiDefinitionDocument of(KpiDefinitions.Stored stored) {
        return of(stored.definition(), stored.createdAt().orElse(null), stored.createdBy().orElse(null));
    }

    public static KpiDefinitionDocument of(KpiDefinition definition) {
        return of(definition, null, null);
    }

    private static KpiDefinitionDocument of(KpiDefinition definition, Instant createdAt, String createdBy) {
        return new KpiDefinitionDocument(definition.version(), definition.serviceLevel().name(), definition.shortAbandonsExcluded(),
                definition.wrapUpInHandleTime(), createdAt, createdBy);
    }
}
