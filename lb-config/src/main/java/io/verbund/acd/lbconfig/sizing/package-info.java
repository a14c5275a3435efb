/**
 * Sizing: turns the expected load of a contact center (agents, calls, talk and wait times,
 * recordings, portal screens) into node counts per role, database and storage sizes, and a topology
 * file. Every per-node capacity is a named {@link io.verbund.acd.lbconfig.sizing.Figure} that says
 * where it comes from: measured ({@code docs/benchmarks.md}, section named), the source concept's
 * rule of thumb, an estimate, or an assumption until measured.
 */
package io.verbund.acd.lbconfig.sizing;
