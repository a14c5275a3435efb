/**
 * Skills through the API ({@code /skills}): the names of what agents can do, which agents hold at a
 * proficiency and ACD groups may require. Removing a skill removes it from agents and groups.
 */
package io.verbund.acd.portal.skill;
