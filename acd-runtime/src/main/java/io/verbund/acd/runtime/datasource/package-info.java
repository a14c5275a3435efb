/** The three database roles of the source concept, each a WildFly datasource. */
package io.verbund.acd.runtime.datasource;
