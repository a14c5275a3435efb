package io.verbund.acd.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SIP torture messages in {@code src/test/resources/sip-torture} (their README says how a file
 * is written): read, filled in for one send, sent, and their answer compared with what the file
 * expects.
 */
final class SipTorture {

    /** In the expectations: no answer at all is right. */
    static final String DROP = "drop";
    /** How long a send waits for an answer that may rightly never come. */
    private static final Duration DROP_WAIT = Duration.ofSeconds(2);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(8);
    private static final AtomicLong SENDS = new AtomicLong();
    private static final Pattern FILLER = Pattern.compile("\\$\\{([a-z]):(\\d+)}");

    private SipTorture() {
    }

    /** One torture message as its file describes it. */
    record Case(String name, String description, Map<String, List<String>> expectations, String template) {

        /** The answers that pass over {@code transport}: status codes as text, or {@link #DROP}. */
        List<String> expected(SipTransport transport) {
            List<String> specific = expectations.get("expect-" + transport.name().toLowerCase(Locale.ROOT));
            List<String> general = specific != null ? specific : expectations.get("expect");
            if (general == null) {
                throw new IllegalStateException(name + " says nothing it expects over " + transport);
            }
            return general;
        }

        /** The message for one send; {@code id} marks it (Call-ID, branch, tags). */
        byte[] render(SipTransport transport, String node, String local, String id) {
            String text = template.replace("${node}", node).replace("${local}", local)
                    .replace("${transport}", transport.via).replace("${id}", id);
            Matcher filler = FILLER.matcher(text);
            text = filler.replaceAll(match -> match.group(1).repeat(Integer.parseInt(match.group(2))));
            text = text.replace("\n", "\r\n");
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                text = text + "\r\n";
            } else {
                int body = text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length;
                text = text.replace("${length}", Integer.toString(body));
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What one send of a case brought back. */
    record Outcome(Optional<String> response) {

        /** The status code as text, or {@link #DROP} for no answer. */
        String answer() {
            return response.map(r -> Integer.toString(SipTransport.status(r))).orElse(DROP);
        }

        /** The response's first line, for messages. */
        String firstLine() {
            return response.map(r -> r.lines().findFirst().orElse("")).orElse("(no answer)");
        }
    }

    static List<Case> cases() {
        try (Stream<Path> files = Files.list(folder())) {
            List<Case> cases = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".sip")).sorted().toList()) {
                cases.add(read(file));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        try {
            return Path.of(SipTorture.class.getResource("/sip-torture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case read(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".sip", "");
        String description = "";
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        StringBuilder template = new StringBuilder();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (header && line.startsWith("#")) {
                int colon = line.indexOf(':');
                String key = line.substring(1, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (key.equals("case")) {
                    description = value;
                } else {
                    expectations.put(key, List.of(value.split("\\s+")));
                }
                continue;
            }
            header = false;
            template.append(line).append('\n');
        }
        return new Case(name, description, expectations, template.toString());
    }

    /** Sends the case once over a fresh connection and waits for its final answer. */
    static Outcome send(Case torture, SipTransport transport, InetSocketAddress node) throws IOException {
        String id = "torture-" + SENDS.incrementAndGet() + "-" + ProcessHandle.current().pid();
        try (SipTransport.Connection connection = transport.connect(node)) {
            connection.send(torture.render(transport, address(node), connection.local(), id));
            Duration wait = torture.expected(transport).contains(DROP) ? DROP_WAIT : ANSWER_WAIT;
            return new Outcome(connection.finalResponse(id, wait));
        }
    }

    /** An OPTIONS as a distributor's health probe sends it; its status, or -1 without an answer. */
    static int options(SipTransport transport, InetSocketAddress node) throws IOException {
        String id = "alive-" + SENDS.incrementAndGet() + "-" + ProcessHandle.current().pid();
        try (SipTransport.Connection connection = transport.connect(node)) {
            String options = "OPTIONS sip:" + address(node) + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/" + transport.via + " " + connection.local() + ";branch=z9hG4bK-" + id + "\r\n"
                    + "From: <sip:probe@example.org>;tag=" + id + "\r\nTo: <sip:" + address(node) + ">\r\n"
                    + "Call-ID: " + id + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            connection.send(options.getBytes(StandardCharsets.US_ASCII));
            return connection.finalResponse(id, ANSWER_WAIT).map(SipTransport::status).orElse(-1);
        }
    }

    private static String address(InetSocketAddress node) {
        return node.getHostString() + ":" + node.getPort();
    }
}
