package io.verbund.acd.lbconfig.topology;

import java.util.List;

/**
 * What Kamailio lets in (topology section {@code sipSecurity}, optional).
 *
 * @param trunkSources    the carriers' addresses ({@code a.b.c.d} or {@code a.b.c.d/n}) allowed to start calls
 *                        (initial INVITEs); the cluster's own hosts always are. Default: none besides those.
 * @param floodRequests   requests one other source (a phone, anyone on the internet) may send per
 *                        {@link #FLOOD_WINDOW_SECONDS} s before Kamailio's {@code pike} drops its requests;
 *                        trunk sources and the cluster's hosts are not limited (a carrier sends hundreds a second).
 */
public record SipSecurity(List<String> trunkSources, int floodRequests) {

    /** pike's sampling unit. */
    public static final int FLOOD_WINDOW_SECONDS = 2;
    /** A phone sends a handful of requests a minute (REGISTER, its calls, keep-alives); 40 in 2 s is a flood. */
    public static final int DEFAULT_FLOOD_REQUESTS = 40;

    public SipSecurity {
        trunkSources = List.copyOf(trunkSources);
    }

    public static SipSecurity defaults() {
        return new SipSecurity(List.of(), DEFAULT_FLOOD_REQUESTS);
    }
}
