package io.verbund.acd.runtime.outbound;

import java.nio.charset.StandardCharsets;

/** A response to an outbound request: its status and its body, at most the request's size limit. */
public record OutboundAnswer(int status, byte[] body) {

    public OutboundAnswer {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean successful() {
        return status / 100 == 2;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
