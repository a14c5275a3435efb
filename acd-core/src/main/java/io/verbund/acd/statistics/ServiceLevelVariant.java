package io.verbund.acd.statistics;

/**
 * How abandoned calls enter the service level (answered within the group's target time), in the
 * variants contact centres use; short abandons are left out of all of them when the definition says
 * so ({@link KpiDefinition#shortAbandonsExcluded}).
 */
public enum ServiceLevelVariant {

    /** Answered within target / answered: abandons do not count at all. */
    ABANDONS_EXCLUDED,

    /** Answered within target / (answered + abandoned): every abandon counts against. */
    ABANDONS_AGAINST,

    /**
     * (Answered within target + abandoned within target) / (answered + abandoned): a caller who
     * gave up before the target time was not failed by the centre.
     */
    ABANDONS_WITHIN_TARGET_FOR
}
