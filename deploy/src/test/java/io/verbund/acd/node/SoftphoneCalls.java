package io.verbund.acd.node;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.WebElement;

/**
 * The browser softphone benchmark behind deploy/bench/softphone-calls.sh: for each N, N bench agents
 * work on the real agent desktop, each in its own headless Chromium (a browser's cookie session is
 * one user), with the softphone on and Ready; N SIPp callers with audio call the bench number, the
 * desktops answer, and once all N talk the CPU time of rtpengine, the edge's Kamailio, the WildFly
 * node and the browsers is read from /proc over a steady window, with the packets each browser
 * received and sent in it and the packets rtpengine relayed. Browsers are added as N grows and kept
 * between steps.
 * Usage (the script passes it): SoftphoneCalls HOME HTTP_PORT SIP_PORT STEADY_SECONDS N...
 */
public final class SoftphoneCalls {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);
    private static final long TICKS = Long.getLong("clk.tck", 100);
    /** A call counts as flowing both ways when the browser got and sent at least this share of 50 packets/s. */
    private static final double FLOWING = 0.8;

    private final Path home;
    private final String portal;
    private final int sipPort;
    private final int steadySeconds;
    private final List<HeadlessChromium> browsers = new ArrayList<>();
    private final Path sippFolder;
    private int run;

    private SoftphoneCalls(Path home, int httpPort, int sipPort, int steadySeconds) throws IOException {
        this.home = home;
        this.portal = "http://127.0.0.1:" + httpPort + "/";
        this.sipPort = sipPort;
        this.steadySeconds = steadySeconds;
        this.sippFolder = Files.createDirectories(home.resolve("sipp"));
    }

    public static void main(String[] args) throws Exception {
        List<Integer> steps = Stream.of(args).skip(4).map(Integer::parseInt).toList();
        SoftphoneCalls bench = new SoftphoneCalls(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        int most = steps.stream().mapToInt(Integer::intValue).max().orElse(0);
        try {
            bench.createAgents(most);
            List<String> rows = new ArrayList<>();
            rows.add(bench.idle());
            for (int calls : steps) {
                rows.add(bench.step(calls));
            }
            System.out.println();
            System.out.println(header());
            rows.forEach(System.out::println);
        } finally {
            bench.browsers.forEach(HeadlessChromium::quit);
            Sipp.stopAll();
        }
    }

    private static String header() {
        return String.format("%-6s %-8s %-9s %-10s %-10s %-10s %-10s %-12s %-9s %-12s %-10s %-12s",
                "calls", "talking", "audio2way", "rtpe pkt/s", "rtpengine", "kamailio", "bridge", "bridge/call", "node", "node/call",
                "chromium", "chromium/br");
    }

    private void createAgents(int agents) throws Exception {
        Properties db = new Properties();
        try (var in = Files.newInputStream(home.resolve("secrets/db.properties"))) {
            db.load(in);
        }
        String url = "jdbc:mariadb://127.0.0.1:" + record("database.port") + "/verbund";
        try (Connection connection = DriverManager.getConnection(url, "verbund", db.getProperty("password"))) {
            BenchTenant.create(connection, agents);
            BenchTenant.giveDesktopLogins(connection, agents);
        }
    }

    /** The node and its edge without calls and without browsers: what they use anyway. */
    private String idle() throws Exception {
        progress("idle: no browser, no call, " + steadySeconds + " s");
        Cpu before = Cpu.now(this);
        Instant start = Instant.now();
        // The window is only valid while nothing is relayed: checked every 5 s throughout.
        await("no media relayed while idle").during(Duration.ofSeconds(steadySeconds)).atMost(Duration.ofSeconds(steadySeconds + 10))
                .pollInterval(Duration.ofSeconds(5)).until(() -> packetRate() == 0);
        Cpu after = Cpu.now(this);
        idle = after.minus(before).per(Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return row(0, 0, 0, 0, idle);
    }

    private Cpu idle;

    private String step(int calls) throws Exception {
        while (browsers.size() < calls) {
            addAgentDesktop(browsers.size() + 1);
        }
        run++;
        int rate = 2;
        int talkMillis = (calls / rate + 20 + steadySeconds + 5) * 1000;
        RtpCapture audio = RtpCapture.noise(run, talkMillis / 20 + 50);
        Path scenario = Sipp.template("caller-talks.xml", Map.of("@PCAP@", audio.write(sippFolder.resolve("caller-" + run + ".pcap"), 8).toString(),
                "@TALK_MS@", Integer.toString(talkMillis)), sippFolder);
        progress(calls + " calls: SIPp calls " + BenchTenant.SERVICE_NUMBER + " at " + rate + "/s, the desktops answer");
        Process callers = new Sipp(sipPort, sippFolder).start(scenario, sipPort + 3340, List.of("-s", BenchTenant.SERVICE_NUMBER,
                "-m", Integer.toString(calls), "-l", Integer.toString(calls), "-r", Integer.toString(rate),
                "-mp", Integer.toString(sipPort + 11240), "-timeout", (talkMillis / 1000 + 120) + "s"));
        int talking = answerUntilAllTalk(calls);
        // Past the answer's ICE and DTLS: every talking desktop has counted audio both ways.
        await("audio counted by the talking desktops").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> java.util.Arrays.stream(packets(calls)).filter(shown -> shown[0] > 0 && shown[1] > 0).count() >= talking);
        long[][] packetsBefore = packets(calls);
        Cpu before = Cpu.now(this);
        Instant start = Instant.now();
        long[] rates = new long[1];
        int[] samples = new int[1];
        // Sampled every 5 s over the window, which is only valid while every call stays up.
        await("the calls stay up through the window").during(Duration.ofSeconds(steadySeconds))
                .atMost(Duration.ofSeconds(steadySeconds + 10)).pollInterval(Duration.ofSeconds(5)).until(() -> {
                    rates[0] += packetRate();
                    samples[0]++;
                    return talkingDesktops(calls) >= talking;
                });
        Cpu after = Cpu.now(this);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        long[][] packetsAfter = packets(calls);
        long relayed = samples[0] == 0 ? 0 : rates[0] / samples[0];
        int flowing = 0;
        for (int i = 0; i < calls; i++) {
            double received = (packetsAfter[i][0] - packetsBefore[i][0]) / seconds;
            double sent = (packetsAfter[i][1] - packetsBefore[i][1]) / seconds;
            if (received >= 50 * FLOWING && sent >= 50 * FLOWING) {
                flowing++;
            }
        }
        String row = row(calls, talking, flowing, relayed, after.minus(before).per(seconds));
        progress(calls + " calls: " + flowing + " with audio both ways; waiting for the callers to hang up");
        progress(header());
        progress(row);
        Sipp.Result result = Sipp.await(callers, talkMillis / 1000 + 180);
        if (result.exit() != 0) {
            progress("SIPp ended with " + result.exit() + " (see " + sippFolder + ")");
        }
        awaitIdle();
        return row;
    }

    /**
     * Every desktop idle again after the callers hung up. One that still shows the call a while later
     * did not learn of the caller's BYE: it is named and hung up from the desktop, so the next step
     * starts clean.
     */
    private void awaitIdle() {
        for (int i = 0; i < browsers.size(); i++) {
            HeadlessChromium browser = browsers.get(i);
            try {
                browser.await("the softphone idle again", Duration.ofSeconds(30),
                        driver -> driver.findElements(HeadlessChromium.testId("softphone-talking")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                progress(String.format("b%04d@bench still shows its call 30 s after the caller hung up; hanging up from the desktop", i + 1));
                browser.click("softphone-hangup");
                browser.await("the softphone idle after hanging up", ANSWER_TIMEOUT,
                        driver -> driver.findElements(HeadlessChromium.testId("softphone-talking")).isEmpty());
            }
        }
    }

    private void addAgentDesktop(int number) throws Exception {
        String login = String.format("b%04d@bench", number);
        progress("browser " + number + ": " + login + " logs in, switches the softphone on and goes Ready");
        HeadlessChromium browser = new HeadlessChromium();
        browser.start();
        browsers.add(browser);
        browser.open(portal + "login");
        browser.visible("login-name").sendKeys(login);
        browser.visible("login-password").sendKeys("bench");
        browser.click("login-submit");
        browser.await("logged in as " + login, Duration.ofSeconds(60), driver -> !driver.findElements(HeadlessChromium.testId("user-name")).isEmpty());
        browser.visible("softphone-panel");
        browser.click("softphone-enable");
        browser.awaitAttribute("softphone-status", "data-status", Duration.ofSeconds(60), "registered");
        browser.click("agent-ready");
        browser.awaitAttribute("agent-state", "data-state", Duration.ofSeconds(60), "READY");
    }

    /** Answers every ringing softphone until the first {@code calls} browsers all talk; how many do. */
    private int answerUntilAllTalk(int calls) {
        try {
            await("all desktops talk").atMost(ANSWER_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (HeadlessChromium browser : browsers.subList(0, calls)) {
                    List<WebElement> answer = browser.driver().findElements(HeadlessChromium.testId("softphone-answer"));
                    if (!answer.isEmpty() && answer.get(0).isEnabled()) {
                        answer.get(0).click();
                    }
                }
                return talkingDesktops(calls) == calls;
            });
            return calls;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            int talking = talkingDesktops(calls);
            progress("only " + talking + " of " + calls + " desktops talk after " + ANSWER_TIMEOUT.toSeconds() + " s");
            return talking;
        }
    }

    private int talkingDesktops(int calls) {
        return (int) browsers.subList(0, calls).stream()
                .filter(browser -> !browser.driver().findElements(HeadlessChromium.testId("softphone-talking")).isEmpty()).count();
    }

    /** Received and sent packets each of the first {@code calls} browsers shows. */
    private long[][] packets(int calls) {
        long[][] figures = new long[calls][2];
        for (int i = 0; i < calls; i++) {
            List<WebElement> shown = browsers.get(i).driver().findElements(HeadlessChromium.testId("softphone-figures"));
            if (!shown.isEmpty()) {
                figures[i][0] = number(shown.get(0).getDomAttribute("data-received"));
                figures[i][1] = number(shown.get(0).getDomAttribute("data-sent"));
            }
        }
        return figures;
    }

    private static long number(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    private String row(int calls, int talking, int flowing, long relayed, Cpu used) {
        Cpu extra = calls == 0 ? used : used.minus(idle);
        double bridge = used.rtpengine + used.kamailio;
        return String.format("%-6d %-8d %-9d %-10d %-10s %-10s %-10s %-12s %-9s %-12s %-10s %-12s", calls, talking, flowing, relayed,
                percent(used.rtpengine), percent(used.kamailio), percent(bridge),
                calls == 0 ? "-" : percent((extra.rtpengine + extra.kamailio) / calls), percent(used.node),
                calls == 0 ? "-" : percent(extra.node / calls), percent(used.chromium), calls == 0 ? "-" : percent(used.chromium / calls));
    }

    private static String percent(double shareOfCore) {
        return String.format("%.1f%%", shareOfCore * 100);
    }

    private static void progress(String message) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + message);
    }

    private String record(String key) throws IOException {
        Properties processes = new Properties();
        try (var in = Files.newInputStream(home.resolve("run/processes.properties"))) {
            processes.load(in);
        }
        return processes.getProperty(key);
    }

    /**
     * The packets a second rtpengine relays now, both ways (browser to node and node to browser), from
     * its control socket's {@code statistics} command (bencode; rtpengine 10.5): its totals grow only
     * when a call ends.
     */
    private long packetRate() throws IOException {
        byte[] command = "bench d7:command10:statisticse".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(2000);
            socket.send(new DatagramPacket(command, command.length, InetAddress.getLoopbackAddress(), 22222 + sipPort - 5060));
            DatagramPacket answer = new DatagramPacket(new byte[65_535], 65_535);
            socket.receive(answer);
            Matcher rate = PACKET_RATE.matcher(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII));
            if (!rate.find()) {
                throw new IOException("rtpengine's statistics name no packetrate");
            }
            return Long.parseLong(rate.group(1));
        }
    }

    private static final Pattern PACKET_RATE = Pattern.compile("10:packetratei(\\d+)e");

    /** CPU seconds (user + system, from /proc) of the processes measured; after {@link #per} a share of one core. */
    private record Cpu(double rtpengine, double kamailio, double node, double chromium) {

        static Cpu now(SoftphoneCalls bench) throws IOException {
            long rtpengine = tree(pid(bench.home.resolve("softphone/run/rtpengine.pid")));
            long kamailio = tree(pid(bench.home.resolve("softphone/run/kamailio.pid")));
            long node = tree(Long.parseLong(bench.record("wildfly.pid")));
            long chromium = ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().map(command -> command.contains("chrom")).orElse(false))
                    .mapToLong(process -> ticks(process.pid())).sum();
            return new Cpu(rtpengine / (double) TICKS, kamailio / (double) TICKS, node / (double) TICKS, chromium / (double) TICKS);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(rtpengine - earlier.rtpengine, kamailio - earlier.kamailio, node - earlier.node, chromium - earlier.chromium);
        }

        Cpu per(double seconds) {
            return new Cpu(rtpengine / seconds, kamailio / seconds, node / seconds, chromium / seconds);
        }

        private static long pid(Path file) throws IOException {
            return Long.parseLong(Files.readString(file).trim());
        }

        /** The process's ticks and those of its descendants (Kamailio's workers are children of its main process). */
        private static long tree(long pid) {
            return ticks(pid) + ProcessHandle.of(pid).map(process -> process.descendants().mapToLong(child -> ticks(child.pid())).sum()).orElse(0L);
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
