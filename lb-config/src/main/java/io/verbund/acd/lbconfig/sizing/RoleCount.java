package io.verbund.acd.lbconfig.sizing;

/** How many servers of one role, and why: the input that drove the count and the figure it was held against. */
public record RoleCount(String role, int count, String why) {
}
