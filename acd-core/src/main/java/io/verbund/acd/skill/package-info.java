/**
 * Skills: the proficiency (1-5) agents hold in a tenant's skills, and what a call requires of them.
 * A requirement has a minimum that holds whatever the wait and steps that follow one another as the
 * caller waits, so a call can first look for the best-suited agents and then widen (or narrow) the
 * search. Which step is in force depends on the caller's wait alone, so every node decides the same
 * for the same caller and knows when the next step takes over.
 */
package io.verbund.acd.skill;
