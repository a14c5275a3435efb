/**
 * The routing engine: which waiting call goes next (priority, then time waited) and which agents
 * it is offered to (the ACD group's strategy). Plain Java over snapshots, so it runs the same in
 * unit tests, in benchmarks and on every telephony node.
 */
package io.verbund.acd.routing;
