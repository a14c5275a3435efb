package io.verbund.acd.portal.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items  the page's entries, in the list's order
 * @param total  how many entries match, on all pages
 * @param offset how many matching entries come before this page
 * @param limit  the most entries a page holds
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
