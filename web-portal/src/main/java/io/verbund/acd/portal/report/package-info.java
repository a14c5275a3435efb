/**
 * The portal's side of stats-service: reports (calls, agent state time), the tenant's KPI
 * definitions and recalculations, forwarded with the cluster's service secret once
 * {@link io.verbund.acd.portal.report.ReportAccess} has decided what the caller may see. The
 * service's answers, files and refusals alike, reach the client as the service gave them.
 */
package io.verbund.acd.portal.report;
