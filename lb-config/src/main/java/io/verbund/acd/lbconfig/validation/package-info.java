/**
 * Checking generated files with the real tools that will read them (haproxy, kamailio, testparm,
 * drbdadm, crm_verify, corosync, systemd-analyze) plus checks lb-config does itself where a tool is
 * too lenient (corosync ignores unknown keys). {@link io.verbund.acd.lbconfig.validation.ValidationPlan}
 * says which check applies to which file.
 */
package io.verbund.acd.lbconfig.validation;
