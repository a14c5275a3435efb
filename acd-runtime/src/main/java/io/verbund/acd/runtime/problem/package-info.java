/**
 * Errors as {@code application/problem+json} (RFC 9457) for every Verbund JAX-RS API: the failure
 * families ({@link io.verbund.acd.runtime.problem.NotFound}, {@link io.verbund.acd.runtime.problem.Conflict},
 * ...) that domain exceptions extend, one {@code ExceptionMapper} per family, and mappers for what
 * JAX-RS itself throws. A problem's {@code detail} names what went wrong for the client and never
 * carries a stack trace, SQL or a server-side exception message; those go to the log.
 */
package io.verbund.acd.runtime.problem;
