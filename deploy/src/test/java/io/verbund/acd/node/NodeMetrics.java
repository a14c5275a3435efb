package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import io.verbund.acd.launcher.NodePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One scrape of a node's Prometheus address ({@code http://127.0.0.1:<management>/metrics}), read
 * the way a dashboard query would: a meter's value over the series whose labels include the given
 * ones.
 */
final class NodeMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> samples;

    private NodeMetrics(List<String> samples) {
        this.samples = samples;
    }

    static URI address(DemoNode node) {
        return URI.create("http://" + NodePorts.HOST + ":" + node.ports().management() + "/metrics");
    }

    static NodeMetrics scrape(DemoNode node) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(address(node)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s", address(node)).isEqualTo(200);
        return new NodeMetrics(answer.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList());
    }

    /** The sum over the meter's series that carry all {@code labels} ({@code name="value"}); empty when there is none. */
    OptionalDouble value(String meter, String... labels) {
        return samples.stream()
                .filter(sample -> sample.startsWith(meter + "{") || sample.startsWith(meter + " "))
                .filter(sample -> Arrays.stream(labels).allMatch(label -> labelsOf(sample).contains(label)))
                .mapToDouble(sample -> Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1)))
                .reduce(Double::sum);
    }

    /** The value, zero for a series not there yet (a counter before its first increment). */
    double count(String meter, String... labels) {
        return value(meter, labels).orElse(0);
    }

    private static List<String> labelsOf(String sample) {
        int open = sample.indexOf('{');
        int close = sample.lastIndexOf('}');
        return open < 0 || close < open ? List.of() : Arrays.asList(sample.substring(open + 1, close).split(","));
    }
}
