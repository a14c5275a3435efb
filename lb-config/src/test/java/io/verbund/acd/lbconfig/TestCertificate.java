package io.verbund.acd.lbconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** A throw-away self-signed certificate and key in one PEM file, as haproxy's {@code crt} reads it. */
public final class TestCertificate {

    private TestCertificate() {
    }

    /** Writes {@code dir/certificate-and-key.pem} (and certificate.pem, for clients) for 127.0.0.1. */
    public static Path pem(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve("private-key.pem");
        Path certificate = dir.resolve("certificate.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl req failed: " + output);
        }
        return Files.writeString(dir.resolve("certificate-and-key.pem"), Files.readString(certificate) + Files.readString(key));
    }

    /** The certificate of a {@link #pem} file (the first PEM block of it), for clients that trust only it. */
    public static X509Certificate x509(Path pem) throws IOException, GeneralSecurityException {
        try (var in = java.nio.file.Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
