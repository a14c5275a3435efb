/**
 * The files on the shared root: safe names ({@link io.verbund.acd.storage.file.FileName}), atomic
 * writes ({@link io.verbund.acd.storage.file.AtomicWrite}) and the store that owns every path
 * ({@link io.verbund.acd.storage.file.FileStore}).
 */
package io.verbund.acd.storage.file;
