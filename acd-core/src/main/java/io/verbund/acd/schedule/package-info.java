/** Opening hours and holidays: whether a tenant's line is open at a given instant in its time zone. */
package io.verbund.acd.schedule;
