/**
 * Pause reasons through the API ({@code /pause-reasons}): why an agent may pause, whether that is
 * paid, and how long before supervisors are alerted. Every user of the tenant reads them (the agent
 * desktop offers them); tenant admins change them. Reasons the system enters itself
 * ({@link io.verbund.acd.portal.pause.SystemPauseReason}) are shown but never changed here.
 */
package io.verbund.acd.portal.pause;
