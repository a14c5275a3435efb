/** Per-tenant storage quotas: sizes as configured and the admission arithmetic. */
package io.verbund.acd.storage.quota;
