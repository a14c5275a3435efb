/**
 * Turning a topology into files: the {@link io.verbund.acd.lbconfig.output.ConfigGenerator} contract,
 * the settings every generator shares, the replication secret, and {@link
 * io.verbund.acd.lbconfig.output.OutputDirectory}, which puts a complete set of files in place or
 * nothing at all.
 */
package io.verbund.acd.lbconfig.output;
