package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A built Verbund ACD node ({@code deploy/target/verbund-node}): the configured WildFly with the
 * four WARs and the MariaDB binaries, as the build left them. Read-only for the launcher: every
 * run writes into its own {@link DemoHome}.
 */
public record Installation(Path root, Path wildflyHome, Path mariadbHome, String version) {

    public static Installation at(Path root) {
        Path descriptor = root.resolve("node.properties");
        if (!Files.isRegularFile(descriptor)) {
            throw new LaunchFailure(ExitCode.NOT_BUILT,
                    "No built Verbund ACD node in " + root + " (node.properties missing). Build it with: mvn -DskipTests install");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(descriptor)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.NOT_BUILT, "Cannot read " + descriptor + ": " + e.getMessage(), e);
        }
        Installation installation = new Installation(root,
                root.resolve(properties.getProperty("wildfly.home")),
                root.resolve(properties.getProperty("mariadb.home")),
                properties.getProperty("version", "unknown"));
        installation.requireFile(installation.wildflyHome.resolve("bin/standalone.sh"));
        installation.requireFile(installation.mariadbHome.resolve("bin/mariadbd"));
        return installation;
    }

    private void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LaunchFailure(ExitCode.NOT_BUILT, "The built node is incomplete: " + file
                    + " is missing. Rebuild it with: mvn -DskipTests install");
        }
    }
}
