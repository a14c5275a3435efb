/**
 * Event ingestion, real-time statistics (replica 1) and reports (replica 2).
 */
package io.verbund.acd.stats;
