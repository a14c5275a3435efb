/**
 * The REST API for integrators and the browser app, under /api/v1.
 */
package io.verbund.acd.portal;
