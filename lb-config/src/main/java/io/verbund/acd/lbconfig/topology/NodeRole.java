package io.verbund.acd.lbconfig.topology;

/** What a WildFly node does: serve the web portal (behind haproxy) or take calls (behind Kamailio). */
public enum NodeRole {
    WEB, TELEPHONY;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
