/**
 * Retention: which files are past their category's keeping time ({@link io.verbund.acd.storage.retention.RetentionSweep}),
 * the cluster-wide job that removes them ({@link io.verbund.acd.storage.retention.RetentionJob}) and its report.
 */
package io.verbund.acd.storage.retention;
