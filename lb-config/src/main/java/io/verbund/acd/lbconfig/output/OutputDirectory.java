package io.verbund.acd.lbconfig.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Puts a complete set of generated files in place, or nothing. The files are written into a hidden
 * sibling directory first (same file system, so renames are atomic); only when all are written is an
 * existing output renamed aside, the new one renamed into place, and the old one deleted. If the
 * second rename fails the old output is renamed back. Readers see either the old or the new set, never
 * a mix; between the two renames (microseconds) the directory is briefly absent.
 */
public final class OutputDirectory {

    private static final Set<PosixFilePermission> PUBLIC_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> SECRET_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SECRET_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path target;

    public OutputDirectory(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    public Path path() {
        return target;
    }

    /**
     * Replaces the directory's content with {@code files}, reporting each file to {@code progress}
     * (names and purposes only, never contents).
     */
    public void replaceWith(List<GeneratedFile> files, Consumer<String> progress) throws CannotWriteOutput {
        Path parent = target.getParent();
        if (parent == null) {
            throw new CannotWriteOutput("cannot use the root directory as output", null);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CannotWriteOutput(target + " exists and is not a directory; nothing was written", null);
        }
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
            Files.setPosixFilePermissions(staging, PUBLIC_DIR);
            for (GeneratedFile file : files) {
                write(staging, file);
                progress.accept("  " + file.path() + (file.secret() ? " (mode 600)" : "") + " - " + file.purpose());
            }
            swapIn(staging);
            staging = null;
        } catch (IOException | RuntimeException e) {
            throw new CannotWriteOutput("cannot write " + target + ": " + e + "; nothing was changed", e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void write(Path root, GeneratedFile file) throws IOException {
        Path path = root.resolve(file.path());
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, file.secret() ? SECRET_DIR : PUBLIC_DIR);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.path() + " is generated twice");
        }
        // Create with the final mode, so a secret is never readable by others, not even briefly.
        Files.createFile(path, PosixFilePermissions.asFileAttribute(file.secret() ? SECRET_FILE : PUBLIC_FILE));
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
    }

    private void swapIn(Path staging) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, target);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
        move(target, old);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover hidden directory is harmless; the output itself is consistent.
        }
    }
}
