/** The storage service's REST resources, its access rules and the problem mapper. */
package io.verbund.acd.storage.http;
