package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The programs of the cluster that Maven cannot bring: Debian's haproxy and Kamailio with its TLS
 * module (a package of its own), and openssl for the database certificates. Installed with
 * apt when the launcher runs as root; otherwise the message says exactly what to install.
 */
final class SystemPrograms {

    /** Program name and the Debian package that has it. */
    static final Map<String, String> CLUSTER = Map.of("haproxy", "haproxy", "kamailio", "kamailio", "openssl", "openssl");
    /** Kamailio's tls module (SIP over TLS): not in the kamailio package. */
    static final String KAMAILIO_TLS_PACKAGE = "kamailio-tls-modules";

    private SystemPrograms() {
    }

    /** The path of each program, installing the missing ones when that is possible. */
    static Map<String, Path> require(Map<String, String> programs, PrintStream out) {
        List<String> missing = programs.keySet().stream().filter(program -> find(program).isEmpty()).sorted().toList();
        if (!missing.isEmpty()) {
            install(missing.stream().map(programs::get).distinct().toList(), String.join(" and ", missing), out);
        }
        return programs.keySet().stream().collect(java.util.stream.Collectors.toMap(program -> program,
                program -> find(program).orElseThrow(() -> new LaunchFailure(ExitCode.MISSING_PROGRAM,
                        program + " is still missing after installing " + programs.get(program)))));
    }

    /** Kamailio's tls module, installing its package when that is possible. */
    static void requireKamailioTls(PrintStream out) {
        if (kamailioModule("tls.so").isEmpty()) {
            install(List.of(KAMAILIO_TLS_PACKAGE), "Kamailio's tls module (SIP over TLS)", out);
            if (kamailioModule("tls.so").isEmpty()) {
                throw new LaunchFailure(ExitCode.MISSING_PROGRAM, "Kamailio's tls module is still missing after installing " + KAMAILIO_TLS_PACKAGE);
            }
        }
    }

    /** A Kamailio module in Debian's module folder (multiarch: /usr/lib/<triplet>/kamailio/modules). */
    static Optional<Path> kamailioModule(String file) {
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/lib/kamailio/modules"), Path.of("/usr/lib64/kamailio/modules")));
        try (var libs = Files.list(Path.of("/usr/lib"))) {
            libs.map(lib -> lib.resolve("kamailio/modules")).forEach(folders::add);
        } catch (IOException e) {
            // No /usr/lib to look in: the fixed folders only.
        }
        return folders.stream().map(folder -> folder.resolve(file)).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Installs {@code packages} with apt when running as root; false (and nothing done) otherwise, for
     * parts the launcher can do without.
     */
    static boolean installIfRoot(List<String> packages, PrintStream out) {
        if (!"root".equals(System.getProperty("user.name")) || find("apt-get").isEmpty()) {
            return false;
        }
        install(packages, String.join(", ", packages), out);
        return true;
    }

    static String installCommand(List<String> packages) {
        return "sudo apt-get install -y --no-install-recommends " + String.join(" ", packages);
    }

    private static void install(List<String> packages, String what, PrintStream out) {
        String install = "apt-get install -y --no-install-recommends " + String.join(" ", packages);
        if (!"root".equals(System.getProperty("user.name")) || find("apt-get").isEmpty()) {
            throw new LaunchFailure(ExitCode.MISSING_PROGRAM, "The cluster needs " + what
                    + ", which Maven cannot bring. Install with:\n  sudo " + install);
        }
        out.println("Installing " + String.join(", ", packages) + " with apt (running as root) ...");
        run(List.of("apt-get", "update", "-q"), out);
        run(new ArrayList<>(List.of(install.split(" "))), out);
    }

    static Optional<Path> find(String program) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
        return folders.stream().filter(folder -> !folder.isBlank()).map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable).findFirst();
    }

    private static void run(List<String> command, PrintStream out) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getInputStream().transferTo(out);
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new LaunchFailure(ExitCode.MISSING_PROGRAM, String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.MISSING_PROGRAM, String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(ExitCode.MISSING_PROGRAM, "interrupted: " + String.join(" ", command));
        }
    }
}
