package io.verbund.acd.lbconfig.topology;

/** The expected load; the generators derive buffer pools and connection limits from it. */
public record Sizing(int agents, int concurrentCalls) {
}
