package io.verbund.acd.portal.event;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Event documents as JSON, written the way the API writes its answers (JSON-B). */
public final class EventJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private EventJson() {
    }

    public static String of(Object document) {
        return JSONB.toJson(document);
    }
}
