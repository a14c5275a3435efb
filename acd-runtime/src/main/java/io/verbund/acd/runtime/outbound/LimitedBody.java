package io.verbund.acd.runtime.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/** Reads a response body up to a limit and fails the request past it, whatever Content-Length says. */
final class LimitedBody extends AbstractBinResponseConsumer<OutboundAnswer> {

    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;

    LimitedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        status = response.getCode();
    }

    @Override
    protected int capacityIncrement() {
        return 8192;
    }

    @Override
    protected void data(ByteBuffer data, boolean endOfStream) throws IOException {
        if (body.size() + data.remaining() > maxBytes) {
            throw new AnswerTooLarge(maxBytes);
        }
        while (data.hasRemaining()) {
            body.write(data.get());
        }
    }

    @Override
    protected OutboundAnswer buildResult() {
        return new OutboundAnswer(status, body.toByteArray());
    }

    @Override
    public void releaseResources() {
        body.reset();
    }

    /** The body went past the request's limit. */
    static final class AnswerTooLarge extends IOException {
        AnswerTooLarge(int maxBytes) {
            super("answer larger than " + maxBytes + " bytes");
        }
    }
}
