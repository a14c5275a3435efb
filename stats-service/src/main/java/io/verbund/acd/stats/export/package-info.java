/**
 * Report exports: one {@link io.verbund.acd.stats.export.ReportTable} written as CSV, XLSX or PDF
 * with its labels in German or English. Owns how each format shows a cell; the report queries
 * that fill the table live elsewhere.
 */
package io.verbund.acd.stats.export;
