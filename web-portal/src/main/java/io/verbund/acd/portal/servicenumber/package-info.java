/** Service numbers through the API: the numbers callers dial and the call flow each leads into. */
package io.verbund.acd.portal.servicenumber;
