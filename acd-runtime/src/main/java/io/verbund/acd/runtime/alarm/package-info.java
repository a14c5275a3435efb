/**
 * Conditions an operator must act on, raised by the service that sees them: shown in every health
 * answer and logged at ERROR when they start.
 */
package io.verbund.acd.runtime.alarm;
