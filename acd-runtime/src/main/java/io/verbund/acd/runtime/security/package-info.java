/**
 * Who is calling a Verbund API: HTTP Basic credentials checked against the portal users
 * ({@code app_user}, {@code user_role}), successful checks remembered for a few minutes because
 * PBKDF2 is slow on purpose, and the resulting {@link io.verbund.acd.runtime.security.Caller} held
 * for the request. Every resource except {@code health} requires a caller; what a caller may do is
 * decided by each API on the server side, with the caller's roles and tenant from here.
 */
package io.verbund.acd.runtime.security;
