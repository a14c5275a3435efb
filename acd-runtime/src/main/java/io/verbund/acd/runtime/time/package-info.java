/** Time for every bean of every service: one {@link java.time.Clock}, injected, so tests can move it. */
package io.verbund.acd.runtime.time;
