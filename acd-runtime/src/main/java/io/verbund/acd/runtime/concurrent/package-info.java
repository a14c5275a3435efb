/** Running work in order on the container's managed threads. */
package io.verbund.acd.runtime.concurrent;
