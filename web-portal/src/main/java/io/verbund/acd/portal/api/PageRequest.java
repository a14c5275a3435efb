package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.MalformedRequest;

/** Which page of a list a client asks for: {@code ?offset=0&limit=50}, at most {@value #MAX_LIMIT} per page. */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** @throws MalformedRequest naming the parameter that is out of range */
    public static PageRequest of(Integer offset, Integer limit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (from < 0) {
            throw new MalformedRequest(PortalWords.text("page.offset", String.valueOf(from)));
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new MalformedRequest(PortalWords.text("page.limit", String.valueOf(MAX_LIMIT), String.valueOf(size)));
        }
        return new PageRequest(from, size);
    }

    /** The filter text as a LIKE pattern matching it anywhere, with LIKE's wildcards taken literally. */
    public static String containing(String text) {
        String plain = text == null ? "" : text.strip();
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
