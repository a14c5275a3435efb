/**
 * Tenants' files on the shared file root, per tenant and category.
 */
package io.verbund.acd.storage;
