/**
 * Opening hours through the API ({@code /opening-hours}): weekly intervals and holidays in one
 * time zone, which call flows name to branch on open or closed, and whether a schedule is open at
 * an instant ({@code /opening-hours/{id}/status}), answered by acd-core's
 * {@link io.verbund.acd.schedule.OpeningHours}, the same rules the telephony-server applies.
 */
package io.verbund.acd.portal.schedule;
