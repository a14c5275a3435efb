package io.verbund.acd.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    private final BodyLimits limits = BodyLimits.DEFAULTS;

    @Test
    void theLoginTakesAFewKibibytesTheApiOneMebibyteAndPromptsTheirOwn() {
        assertThat(limits.limitFor("", "/api/v1/session", "POST")).isEqualTo(4096);
        assertThat(limits.limitFor("", "//api/v1/session/", "POST")).isEqualTo(4096);
        assertThat(limits.limitFor("", "/api/v1/groups", "POST")).isEqualTo(1024 * 1024);
        assertThat(limits.limitFor("", "/api/v1/prompts/welcome", "PUT")).isEqualTo(64L * 1024 * 1024);
        assertThat(limits.limitFor("", "/api/v1/prompts/welcome", "POST")).isEqualTo(1024 * 1024);
        assertThat(limits.limitFor("/stats", "/api/v1/session", "POST")).as("only the portal's login").isEqualTo(1024 * 1024);
        assertThat(limits.limitFor("/telephony", "/health", "POST")).isEqualTo(1024 * 1024);
    }

    @Test
    void storageServiceLimitsItsFilesItself() {
        assertThat(limits.limitFor("/storage", "/demo/files/recordings/a.wav", "PUT")).isEqualTo(BodyLimits.NONE);
    }

    @Test
    void limitsAreSettableInBinaryUnits() {
        BodyLimits set = BodyLimits.from(Map.of(BodyLimits.LOGIN, "8KiB", BodyLimits.API, "2 MiB", BodyLimits.UPLOAD, "1000")::get);
        assertThat(set).isEqualTo(new BodyLimits(8192, 1000, 2 * 1024 * 1024));
        assertThat(BodyLimits.from(name -> null)).isEqualTo(BodyLimits.DEFAULTS);
    }

    @Test
    void aBodyWithoutLengthFailsOnceItOutgrowsTheLimit() throws IOException {
        LimitedInputStream body = new LimitedInputStream(servletStream(new byte[10]), 10);
        assertThat(body.readAllBytes()).hasSize(10);

        LimitedInputStream tooLong = new LimitedInputStream(servletStream(new byte[11]), 10);
        assertThatThrownBy(tooLong::readAllBytes).isInstanceOfSatisfying(BodyTooLarge.class,
                failure -> assertThat(failure.limit()).isEqualTo(10));
        assertThat(BodyTooLarge.in(new RuntimeException(new IOException(new BodyTooLarge(10))))).isNotNull();
        assertThat(BodyTooLarge.in(new RuntimeException("other"))).isNull();
    }

    private static ServletInputStream servletStream(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
