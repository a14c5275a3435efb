/**
 * MariaDB: one option file and one replication script per server, for the master-master pair (each
 * master reads the other's binlog) and the replicas fed by their master.
 */
package io.verbund.acd.lbconfig.mariadb;
