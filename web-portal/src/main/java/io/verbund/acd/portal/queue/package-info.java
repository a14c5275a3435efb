/**
 * Live queues for supervisors, wallboards and integrators: who waits in which ACD group and since
 * when, which agents are free, and today's service level; and the {@code queue} and {@code call}
 * events that keep those views current.
 */
package io.verbund.acd.portal.queue;
