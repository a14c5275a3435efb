package io.verbund.acd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Applies a jboss-cli script to one node's configuration with the server offline (embed-server),
 * the way an operator applies lb-config's per-node script: nothing listens while it runs.
 */
final class EmbeddedCli {

    private static final long TIMEOUT_SECONDS = 180;

    private final Installation installation;
    private final Path base;

    EmbeddedCli(Installation installation, Path base) {
        this.installation = installation;
        this.base = base;
    }

    void apply(Path script) throws IOException {
        apply(script, java.util.Map.of());
    }

    /**
     * @param environment what the script's expressions read from the environment while it is
     *        applied: the embedded server starts some services (an Elytron key-store opens its
     *        file with the password then), so they need the same values the node will have
     */
    void apply(Path script, java.util.Map<String, String> environment) throws IOException {
        Path log = base.resolve("log/" + script.getFileName() + ".log");
        Files.createDirectories(log.getParent());
        Path wrapped = base.resolve("tmp/apply-" + script.getFileName());
        Files.createDirectories(wrapped.getParent());
        Files.writeString(wrapped, "embed-server --server-config=standalone-ha.xml --std-out=discard\n"
                + Files.readString(script) + "\nstop-embedded-server\n");
        ProcessBuilder builder = new ProcessBuilder("bash", installation.wildflyHome().resolve("bin/jboss-cli.sh").toString(),
                "--file=" + wrapped)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx512m -Djboss.server.base.dir=" + base);
        builder.environment().putAll(environment);
        Process cli = builder.start();
        try {
            if (!cli.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new LaunchFailure(ExitCode.FAILED, "jboss-cli did not finish " + script + " within "
                        + TIMEOUT_SECONDS + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(ExitCode.FAILED, "interrupted while applying " + script);
        }
        if (cli.exitValue() != 0 || Files.readString(log).contains("\"outcome\" => \"failed\"")) {
            throw new LaunchFailure(ExitCode.FAILED, "jboss-cli could not apply " + script + "; see " + log);
        }
    }
}
