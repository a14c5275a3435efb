/**
 * Per-node WildFly configuration as jboss-cli scripts: datasources through the haproxy database
 * frontends and a JGroups TCPPING seed list of all nodes, in the style of deploy/src/main/cli.
 */
package io.verbund.acd.lbconfig.wildfly;
