/**
 * lb-config: turns one topology file into the configuration of every redundant component of the
 * source concept (haproxy, SIP dispatcher, MariaDB master-master and replicas, Pacemaker/Corosync,
 * DRBD, Samba, WildFly) and validates each with its real tool. Built with the redundant topology.
 */
package io.verbund.acd.lbconfig;
