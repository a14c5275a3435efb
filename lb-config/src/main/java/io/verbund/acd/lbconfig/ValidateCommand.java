package io.verbund.acd.lbconfig;

import io.verbund.acd.lbconfig.validation.ValidationPlan;
import io.verbund.acd.lbconfig.validation.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lb-config validate}: runs every installed validator on a generated directory and prints each
 * file with its verdicts and the tools' output. A missing tool is SKIPPED (with the package to
 * install) and does not fail the run; a rejected file does (exit code 5).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Runs the real validators (haproxy, kamailio, testparm, drbdadm, crm_verify, corosync,"
                + " systemd-analyze) on a generated directory.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.VALIDATION_FAILED_HELP})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A directory written by generate.")
    Path out;

    @ParentCommand
    LbConfig lbConfig;

    @Override
    public Integer call() {
        PrintStream print = lbConfig.out();
        if (!Files.isDirectory(out)) {
            throw new LbConfigFailure(ExitCodes.USAGE, out + " is not a directory written by lb-config generate");
        }
        List<ValidationPlan.FileReport> reports;
        try {
            reports = ValidationPlan.standard().run(out.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new LbConfigFailure(ExitCodes.USAGE, "cannot read " + out + ": " + e);
        }
        int failed = 0;
        int skipped = 0;
        for (ValidationPlan.FileReport report : reports) {
            for (Verdict verdict : report.verdicts()) {
                print.printf("%-12s %s%n", verdict.status(), report.file());
                if (!verdict.check().equals("-")) {
                    print.println("             $ " + verdict.check());
                }
                if (!verdict.output().isBlank()) {
                    verdict.output().lines().forEach(line -> print.println("             | " + line));
                }
                failed += verdict.status() == Verdict.Status.FAILED ? 1 : 0;
                skipped += verdict.status() == Verdict.Status.SKIPPED ? 1 : 0;
            }
        }
        print.println(reports.size() + " files: " + failed + " checks failed, " + skipped + " skipped (validator not installed)");
        return failed > 0 ? ExitCodes.VALIDATION_FAILED : ExitCodes.OK;
    }
}
