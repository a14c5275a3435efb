package io.verbund.acd.runtime.outbound;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP requests to addresses a tenant chose (call-flow look-ups, webhooks). Every connection goes
 * to an address {@link OutboundTargets} allows, checked after each resolution ({@link GuardedResolver})
 * and, with its port, when the connection is opened ({@link GuardedConnections});
 * redirects are not followed (a redirect to an internal address would bypass nothing, but an answer
 * from somewhere other than the configured URL is not what the tenant asked for); no proxy from
 * system properties (a proxy would resolve the name itself, unchecked); each request has a
 * whole-request time limit and a body size limit. Futures complete on the client's I/O thread:
 * callers that block (JDBC) continue on their own executor.
 */
@ApplicationScoped
public class OutboundHttp {

    private static final Logger LOG = Logger.getLogger(OutboundHttp.class.getName());

    private final CloseableHttpAsyncClient client;

    @Inject
    public OutboundHttp(@ConfigProperty(name = OutboundTargets.PROPERTY) Optional<String> allowedTargets) {
        this(OutboundTargets.parse(allowedTargets), InetAddress::getAllByName);
        LOG.info(() -> "outbound requests: public addresses" + (allowedTargets.filter(value -> !value.isBlank()).isPresent()
                ? " and " + allowedTargets.get().strip() : " only"));
    }

    OutboundHttp(OutboundTargets targets, GuardedResolver.Lookup lookup) {
        client = HttpAsyncClients.custom()
                .setConnectionManager(new GuardedConnections(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(lookup, targets))
                        .setMaxConnPerRoute(20).setMaxConnTotal(200).build(), targets))
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .setUserAgent("Verbund-ACD/1")
                .build();
    }

    /** For CDI's proxy only. */
    protected OutboundHttp() {
        client = null;
    }

    /** Idempotent: the I/O thread starts with the first request, so WARs that send none have none. */
    void start() {
        client.start();
    }

    /** Created with the deployment, so a malformed allow-list fails it rather than the first look-up. */
    void createdAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // observing is enough: CDI creates the bean to deliver the event
    }

    @PreDestroy
    void stop() {
        client.close(CloseMode.GRACEFUL);
    }

    /** A GET: fails with {@link RefusedTarget} (as cause) for a refused address, {@link TimeoutException} past the limit. */
    public CompletableFuture<OutboundAnswer> get(URI url, Map<String, String> headers, Duration limit, int maxBytes) {
        return send("GET", url, headers, null, limit, maxBytes);
    }

    /** A POST of a JSON body; otherwise as {@link #get}. */
    public CompletableFuture<OutboundAnswer> postJson(URI url, Map<String, String> headers, String json, Duration limit, int maxBytes) {
        return send("POST", url, headers, json, limit, maxBytes);
    }

    private CompletableFuture<OutboundAnswer> send(String method, URI url, Map<String, String> headers, String json,
                                                   Duration limit, int maxBytes) {
        start();
        CompletableFuture<OutboundAnswer> answer = new CompletableFuture<>();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            answer.completeExceptionally(new IOException("only http and https URLs with a host: " + url));
            return answer;
        }
        Timeout timeout = Timeout.ofMilliseconds(limit.toMillis());
        SimpleHttpRequest request = new SimpleHttpRequest(method, url);
        request.setConfig(RequestConfig.custom().setConnectTimeout(timeout).setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout).setRedirectsEnabled(false).build());
        headers.forEach(request::setHeader);
        if (json != null) {
            request.setBody(json, ContentType.APPLICATION_JSON);
        }
        Future<OutboundAnswer> exchange = client.execute(SimpleRequestProducer.create(request), new LimitedBody(maxBytes),
                new FutureCallback<>() {
                    @Override
                    public void completed(OutboundAnswer result) {
                        answer.complete(result);
                    }

                    @Override
                    public void failed(Exception failure) {
                        answer.completeExceptionally(failure);
                    }

                    @Override
                    public void cancelled() {
                        answer.cancel(false);
                    }
                });
        // Connect and response timeouts bound each wait; this bounds the whole exchange (a slow trickle of bytes).
        answer.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> {
                    if (failure instanceof TimeoutException) {
                        exchange.cancel(true);
                    }
                });
        return answer;
    }
}
