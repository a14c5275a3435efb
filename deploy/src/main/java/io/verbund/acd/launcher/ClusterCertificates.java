package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.mariadb.DatabaseTls;
import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's own small certificate authority and the MariaDB servers' certificates, made with
 * the machine's {@code openssl} at the first start into {@code <cluster home>/secrets/tls} (folder
 * 0700, keys 0600): {@code ca.pem} (what every client verifies against), {@code ca-key.pem} and per
 * server {@code db-<name>-cert.pem} / {@code db-<name>-key.pem}, the names lb-config's generated
 * files expect ({@link DatabaseTls}). Existing files are kept; a server certificate that expires
 * within {@link #RENEW_BEFORE_DAYS} days, or whose addresses no longer match the topology, is made
 * again from the same CA, so clients keep trusting it. The CA's key never leaves this folder.
 */
final class ClusterCertificates {

    static final String CA_KEY = "ca-key.pem";
    static final int CA_DAYS = 3650;
    /** What browsers accept as the longest server certificate lifetime; renewed at start before it ends. */
    static final int SERVER_DAYS = 825;
    static final int RENEW_BEFORE_DAYS = 30;

    private final Path dir;
    private final Path openssl;
    private final PrintStream out;

    ClusterCertificates(Path dir, Path openssl, PrintStream out) {
        this.dir = dir;
        this.openssl = openssl;
        this.out = out;
    }

    Path dir() {
        return dir;
    }

    /** Makes what is missing, stale or about to expire; leaves everything else as it is. */
    void ensure(Topology topology) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            DemoHome.ownerOnly(dir);
            Path ca = DatabaseTls.ca(dir);
            if (!Files.isRegularFile(ca) || !Files.isRegularFile(dir.resolve(CA_KEY))) {
                out.println("  TLS: creating the cluster's certificate authority in " + dir);
                openssl("req", "-x509", "-newkey", "rsa:3072", "-nodes", "-sha256", "-days", Integer.toString(CA_DAYS),
                        "-keyout", dir.resolve(CA_KEY).toString(), "-out", ca.toString(),
                        "-subj", "/O=Verbund ACD/CN=Verbund ACD cluster " + topology.cluster() + " CA",
                        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
                for (Database database : topology.databases()) {
                    // Signed by an earlier CA: of no use with this one.
                    Files.deleteIfExists(DatabaseTls.certificate(dir, database));
                }
            }
            for (Database database : topology.databases()) {
                String addresses = subjectAltNames(topology, database);
                if (!current(DatabaseTls.certificate(dir, database), addresses)) {
                    serverCertificate(database, addresses);
                }
            }
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(file -> file.getFileName().toString().endsWith("-key.pem")).toList()) {
                    DemoHome.ownerOnly(file);
                }
            }
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot create the database certificates in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The addresses a client may reach this server at: its own (replicas and the launcher connect
     * directly; a replica checks it as MASTER_SSL_VERIFY_SERVER_CERT asks) and the virtual IP
     * (applications through haproxy).
     */
    static String subjectAltNames(Topology topology, Database database) {
        TreeSet<String> names = new TreeSet<>();
        for (String host : List.of(database.endpoint().host(), topology.virtualIp())) {
            if (host.matches("[0-9.]+|.*:.*")) {
                names.add("IP:" + host);
            }
            // Also as a name: a replica's built-in client (MASTER_SSL_VERIFY_SERVER_CERT) with the
            // bundled wolfSSL was seen to match MASTER_HOST only against names, never addresses.
            names.add("DNS:" + host);
        }
        names.add("DNS:" + database.name());
        return String.join(",", names);
    }

    private boolean current(Path certificate, String addresses) throws IOException {
        if (!Files.isRegularFile(certificate)) {
            return false;
        }
        String text = openssl("x509", "-in", certificate.toString(), "-noout", "-ext", "subjectAltName");
        boolean sameAddresses = normalised(text).equals(normalised(addresses.replace("IP:", "IP Address:")));
        boolean valid = exitOf("x509", "-in", certificate.toString(), "-noout",
                "-checkend", Long.toString(TimeUnit.DAYS.toSeconds(RENEW_BEFORE_DAYS))) == 0;
        return sameAddresses && valid;
    }

    private static TreeSet<String> normalised(String names) {
        TreeSet<String> set = new TreeSet<>();
        for (String line : names.lines().toList()) {
            if (line.contains("Subject Alternative Name")) {
                continue;
            }
            for (String name : line.split(",")) {
                if (!name.isBlank()) {
                    set.add(name.strip());
                }
            }
        }
        return set;
    }

    private void serverCertificate(Database database, String addresses) throws IOException {
        out.println("  TLS: certificate for " + database.name() + " (" + addresses + "), valid " + SERVER_DAYS + " days");
        Path key = DatabaseTls.key(dir, database);
        Path request = dir.resolve("db-" + database.name() + ".csr");
        Path extensions = dir.resolve("db-" + database.name() + ".ext");
        Files.deleteIfExists(key);
        // The traditional RSA key form: MariaDB's bundled TLS library reads it, whatever its version.
        openssl("genrsa", "-traditional", "-out", key.toString(), "2048");
        DemoHome.ownerOnly(key);
        openssl("req", "-new", "-key", key.toString(), "-out", request.toString(), "-subj", "/O=Verbund ACD/CN=" + database.endpoint().host());
        Files.writeString(extensions, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                + "extendedKeyUsage=serverAuth\nsubjectAltName=" + addresses + "\n");
        openssl("x509", "-req", "-in", request.toString(), "-CA", DatabaseTls.ca(dir).toString(), "-CAkey", dir.resolve(CA_KEY).toString(),
                "-set_serial", "0x" + new BigInteger(64, new SecureRandom()).toString(16), "-sha256", "-days", Integer.toString(SERVER_DAYS),
                "-extfile", extensions.toString(), "-out", DatabaseTls.certificate(dir, database).toString());
        Files.delete(request);
        Files.delete(extensions);
    }

    private String openssl(String... arguments) throws IOException {
        Result result = run(arguments);
        if (result.exit() != 0) {
            throw new IOException("openssl " + arguments[0] + " failed (exit " + result.exit() + "): " + result.output().strip());
        }
        return result.output();
    }

    private int exitOf(String... arguments) throws IOException {
        return run(arguments).exit();
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl " + arguments[0] + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
