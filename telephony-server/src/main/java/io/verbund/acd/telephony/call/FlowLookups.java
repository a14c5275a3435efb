package io.verbund.acd.telephony.call;

import io.verbund.acd.callflow.FlowAction;
import io.verbund.acd.runtime.outbound.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The HTTP look-up node: asks a tenant's CRM about the caller. The answer is a JSON object whose
 * string, number and boolean members become call variables (e.g. {@code {"priority": 7}} for a
 * VIP); anything else — an error status, a timeout, a body that is not such an object — is a
 * failed look-up and the flow takes its failed exit. Asked asynchronously, so no thread waits for
 * a slow CRM.
 */
@ApplicationScoped
public class FlowLookups {

    private static final Logger LOG = Logger.getLogger(FlowLookups.class.getName());
    private static final int MAX_BODY = 64 * 1024;

    private final OutboundHttp http;

    @Inject
    public FlowLookups(OutboundHttp http) {
        this.http = http;
    }

    /** For CDI's proxy only. */
    protected FlowLookups() {
        this.http = null;
    }

    /**
     * Through {@link OutboundHttp}: an address inside the installation (127.0.0.1, 169.254.169.254, ...)
     * is refused when the connection is made, which is a failed look-up like any other.
     *
     * @param answered gets the variables, or empty when the look-up failed; on an HTTP client thread
     */
    void ask(AcdCall call, FlowAction.HttpLookup lookup, Consumer<Optional<Map<String, String>>> answered) {
        URI url;
        try {
            url = URI.create(lookup.url());
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "look-up URL not usable: " + e.getMessage());
            answered.accept(Optional.empty());
            return;
        }
        http.get(url, Map.of("Accept", "application/json", "X-Verbund-Call-Id", call.callId), lookup.timeout(), MAX_BODY)
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        LOG.info(() -> "look-up " + url.getHost() + " failed: " + failure);
                        answered.accept(Optional.empty());
                    } else if (!response.successful()) {
                        LOG.info(() -> "look-up " + url.getHost() + " answered " + response.status());
                        answered.accept(Optional.empty());
                    } else {
                        answered.accept(variables(response.text()));
                    }
                });
    }

    static Optional<Map<String, String>> variables(String body) {
        if (body == null || body.length() > MAX_BODY) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                return Optional.empty();
            }
            Map<String, String> variables = new LinkedHashMap<>();
            object.forEach((name, member) -> {
                switch (member.getValueType()) {
                    case STRING -> variables.put(name, ((JsonString) member).getString());
                    case NUMBER -> variables.put(name, ((JsonNumber) member).toString());
                    case TRUE, FALSE -> variables.put(name, member.toString());
                    default -> { }
                }
            });
            return Optional.of(variables);
        } catch (JsonParsingException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
