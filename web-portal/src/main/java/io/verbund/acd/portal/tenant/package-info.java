/** Tenants through the API: the platform's customers, managed by system administrators and resellers. */
package io.verbund.acd.portal.tenant;
