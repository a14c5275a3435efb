package io.verbund.acd.statistics;

/**
 * A tenant's definition of its KPIs, versioned: every figure says which version made it, and a
 * report can be recomputed under another. The group's own thresholds (service-level and
 * short-abandon time) are {@link GroupTargets}.
 *
 * @param version               1, 2, … per tenant
 * @param serviceLevel          how abandons enter the service level
 * @param shortAbandonsExcluded callers who hung up before the short-abandon time are neither
 *                              offered nor abandoned for the service level and the abandon rate
 * @param wrapUpInHandleTime    the average handle time includes the agents' wrap-up
 */
public record KpiDefinition(int version, ServiceLevelVariant serviceLevel, boolean shortAbandonsExcluded, boolean wrapUpInHandleTime) {

    /** What a tenant starts with: the classic 80/20 with every real abandon against it, AHT with wrap-up. */
    public static final KpiDefinition STANDARD = new KpiDefinition(1, ServiceLevelVariant.ABANDONS_AGAINST, true, true);

    public KpiDefinition {
        if (version < 1) {
            throw new IllegalArgumentException("a KPI definition's version starts at 1: " + version);
        }
        java.util.Objects.requireNonNull(serviceLevel, "serviceLevel");
    }
}
