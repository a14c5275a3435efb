/**
 * The load-balancer pair as a Pacemaker/Corosync cluster: the CIB (virtual IP, haproxy, Kamailio and
 * Samba kept together on one machine) and the Corosync membership with two-node quorum.
 */
package io.verbund.acd.lbconfig.pacemaker;
