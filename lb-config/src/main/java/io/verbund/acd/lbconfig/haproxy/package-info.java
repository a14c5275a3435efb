/**
 * haproxy on the load-balancer pair: database sessions by role (one master at a time, no automatic
 * failback; replicas first-with-fallback, automatic failback) and sticky HTTP sessions to the web nodes.
 */
package io.verbund.acd.lbconfig.haproxy;
