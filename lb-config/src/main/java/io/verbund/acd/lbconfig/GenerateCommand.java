package io.verbund.acd.lbconfig;

import io.verbund.acd.lbconfig.output.CannotWriteOutput;
import io.verbund.acd.lbconfig.output.GeneratedFile;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.OutputDirectory;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lb-config generate}: topology in, a complete output directory out. All files are computed
 * first and then put in place together, replacing a previous output; on any error nothing changes.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates every configuration file of the cluster into --out (replacing it as a whole).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.INTERNAL_ERROR_HELP, ExitCodes.USAGE_HELP,
                ExitCodes.INVALID_TOPOLOGY_HELP, ExitCodes.CANNOT_WRITE_OUTPUT_HELP})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    TopologyOption topology = new TopologyOption();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory; replaced as a whole, atomically.")
    Path out;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = "/run/verbund",
            description = "Where haproxy's stats socket and pid file go (default: ${DEFAULT-VALUE}).")
    Path runDir;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "/var/lib/verbund/mariadb",
            description = "Each MariaDB server's data, socket and pid file go to DIR/<name> (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--tls-dir", paramLabel = "DIR", defaultValue = "/etc/verbund/tls",
            description = "The database TLS files every server and node reads: ca.pem, db-<name>-cert.pem and"
                    + " db-<name>-key.pem per MariaDB server (default: ${DEFAULT-VALUE}).")
    Path tlsDir;

    @Option(names = "--replication-password-file", paramLabel = "FILE",
            description = "First line: the MariaDB replication password. Without it one is generated (or the one"
                    + " generated into --out before is reused) and written to secrets/replication.properties, mode 600.")
    Path replicationPasswordFile;

    @Option(names = "--tls-certificate", paramLabel = "FILE", defaultValue = "/etc/verbund/tls/certificate-and-key.pem",
            description = "PEM file with haproxy's HTTPS certificate, its chain and its private key (default: ${DEFAULT-VALUE}).")
    Path tlsCertificate;

    @Option(names = "--sip-tls-certificate", paramLabel = "FILE",
            description = "PEM file with Kamailio's SIP over TLS certificate, its chain and its private key"
                    + " (default: the --tls-certificate file).")
    Path sipTlsCertificate;

    @ParentCommand
    LbConfig lbConfig;

    @Override
    public Integer call() {
        PrintStream out = lbConfig.out();
        Topology read = topology.read();
        GenerationSettings settings = new GenerationSettings(this.out, runDir, dataDir, replicationPassword(), tlsDir, tlsCertificate,
                sipTlsCertificate == null ? tlsCertificate : sipTlsCertificate);
        List<GeneratedFile> files = ClusterFiles.standard().generate(read, settings);
        OutputDirectory directory = new OutputDirectory(this.out);
        out.println("Generating cluster " + read.cluster() + " into " + directory.path() + ":");
        try {
            directory.replaceWith(files, out::println);
        } catch (CannotWriteOutput e) {
            throw new LbConfigFailure(ExitCodes.CANNOT_WRITE_OUTPUT, e.getMessage());
        }
        out.println(files.size() + " files in place in " + directory.path()
                + ". Check them with: lb-config validate --out " + directory.path());
        return ExitCodes.OK;
    }

    private ReplicationPassword replicationPassword() {
        if (replicationPasswordFile == null) {
            return ReplicationPassword.generatedFor(out.toAbsolutePath().normalize());
        }
        try {
            return ReplicationPassword.fromFile(replicationPasswordFile);
        } catch (IOException e) {
            throw new LbConfigFailure(ExitCodes.USAGE, "cannot use the replication password file: " + e.getMessage());
        }
    }
}
