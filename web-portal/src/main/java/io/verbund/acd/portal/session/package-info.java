/** The browser's login: a session cookie, its CSRF token, and a throttle on password guessing. */
package io.verbund.acd.portal.session;
