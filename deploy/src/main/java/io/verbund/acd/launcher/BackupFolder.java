package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One backup on disk, as {@code ./verbund backup} writes it and {@code ./verbund restore} reads it:
 * {@code database/verbund.sql} (the dump), {@code storage/} (the tenants' files as the storage
 * service keeps them, sidecars included), {@code manifest.properties} (where, when and with what it
 * was taken) and {@code SHA256SUMS} over all of these, in {@code sha256sum}'s format so that an
 * operator can check a copy with {@code sha256sum -c SHA256SUMS} on any machine.
 */
final class BackupFolder {

    static final String FORMAT = "verbund-backup-1";
    static final String DUMP = "database/verbund.sql";
    static final String STORAGE = "storage";
    static final String MANIFEST = "manifest.properties";
    static final String CHECKSUMS = "SHA256SUMS";

    private final Path root;

    BackupFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path dump() {
        return root.resolve(DUMP);
    }

    Path storage() {
        return root.resolve(STORAGE);
    }

    /**
     * Creates the folder, readable by its owner only: the dump holds password hashes, SIP digests
     * and callers' numbers, the storage the recordings.
     */
    void create() {
        try {
            Files.createDirectories(root);
            DemoHome.ownerOnly(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    /**
     * The folder a new backup goes to: absent or empty, and neither inside the tree being backed up
     * (the storage root, the database's files) nor holding it, so a backup never copies itself.
     */
    static BackupFolder newTarget(Path target, List<Path> backedUp) {
        Path real = realPath(target);
        for (Path tree : backedUp) {
            Path realTree = realPath(tree);
            if (real.startsWith(realTree) || realTree.startsWith(real)) {
                throw new LaunchFailure(ExitCode.USAGE, "The backup folder " + target + " must not be inside " + tree
                        + " or contain it: a backup would copy itself. Choose a folder outside the home's storage and database.");
            }
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new LaunchFailure(ExitCode.USAGE, target + " exists and is not a folder.");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new LaunchFailure(ExitCode.USAGE, "The backup folder " + target + " is not empty; give a new or empty folder.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + target, e);
            }
        }
        return new BackupFolder(target);
    }

    /** The path with every existing part's symbolic links resolved, so a link cannot hide where a folder really is. */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * {@code manifest.properties} in the order given (Java's own writer would shuffle it), readable
     * with {@link #readManifest()}; values are single lines.
     */
    void writeManifest(Map<String, String> entries) {
        StringBuilder text = new StringBuilder("# Verbund ACD backup: what, from where, when; every file's SHA-256 is in " + CHECKSUMS + "\n");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("format", FORMAT);
        all.putAll(entries);
        all.forEach((key, value) -> text.append(key).append('=')
                .append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "")).append('\n'));
        try {
            Files.writeString(root.resolve(MANIFEST), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(MANIFEST), e);
        }
    }

    Properties readManifest() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(MANIFEST))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(MANIFEST), e);
        }
        return properties;
    }

    /** {@code SHA256SUMS}: one line per file, sorted by path, the manifest's own sum included. */
    void writeChecksums(Map<String, String> sums) {
        Map<String, String> all = new TreeMap<>(sums);
        all.put(MANIFEST, sha256(root.resolve(MANIFEST)));
        StringBuilder lines = new StringBuilder();
        all.forEach((path, sum) -> lines.append(sum).append("  ").append(path).append('\n'));
        try {
            Files.writeString(root.resolve(CHECKSUMS), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(CHECKSUMS), e);
        }
    }

    /**
     * Every file the checksums name, in their order, once each is present and has its sum, and no
     * file is there that they do not name. Reads every byte; changes nothing.
     *
     * @throws LaunchFailure naming the first file that is missing, differs, or is not in the list
     */
    Map<String, String> verify(Progress progress) {
        Path sumsFile = root.resolve(CHECKSUMS);
        if (!Files.isRegularFile(sumsFile) || !Files.isRegularFile(root.resolve(MANIFEST))) {
            throw damaged("it has no " + CHECKSUMS + " or no " + MANIFEST + "; is " + root + " a Verbund ACD backup?");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(sumsFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                int split = line.indexOf("  ");
                String path = split == 64 ? line.substring(66) : "";
                if (split != 64 || !isInside(path)) {
                    throw damaged(CHECKSUMS + " has a line that is not '<sha-256>  <path inside the backup>': " + line);
                }
                expected.put(path, line.substring(0, 64));
            }
        } catch (IOException e) {
            throw damaged("cannot read " + sumsFile + ": " + e.getMessage());
        }
        if (!expected.containsKey(MANIFEST) || !expected.containsKey(DUMP)) {
            throw damaged(CHECKSUMS + " does not list " + MANIFEST + " and " + DUMP + ".");
        }
        for (String present : files()) {
            if (!present.equals(CHECKSUMS) && !expected.containsKey(present)) {
                throw damaged(present + " is in the backup folder but not in " + CHECKSUMS + ".");
            }
        }
        progress.start("verifying", expected.size());
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path path = root.resolve(file.getKey());
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw damaged(file.getKey() + " is missing.");
            }
            String actual = sha256(path);
            if (!actual.equals(file.getValue())) {
                throw damaged(file.getKey() + " has SHA-256 " + actual + ", the backup recorded " + file.getValue() + ".");
            }
            progress.file(sizeOf(path));
        }
        progress.done();
        String format = readManifest().getProperty("format");
        if (!FORMAT.equals(format)) {
            throw damaged("its format is " + format + "; this launcher reads " + FORMAT + ".");
        }
        return expected;
    }

    private LaunchFailure damaged(String why) {
        return new LaunchFailure(ExitCode.FAILED, "Refusing to restore from " + root + ": " + why + " Nothing was changed.");
    }

    /** A relative path that stays inside the backup: no absolute path, no "..", no empty part. */
    private static boolean isInside(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Every regular file below the root, as '/'-separated paths relative to it. */
    List<String> files() {
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .forEach(path -> files.add(relative(root, path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return files;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * Copies the tree {@code from} to {@code to} (which must not exist), file by file, returning each
     * file's SHA-256 of the bytes written, keyed by its path relative to {@code from}. Symbolic links
     * are not followed: the storage service writes none.
     */
    static Map<String, String> copyTree(Path from, Path to, Progress progress) {
        Map<String, String> sums = new TreeMap<>();
        if (!Files.isDirectory(from)) {
            progress.start("storage", 0);
            progress.done();
            return sums;
        }
        List<Path> files;
        try (Stream<Path> paths = Files.walk(from)) {
            files = paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + from, e);
        }
        progress.start("storage", files.size());
        try {
            Files.createDirectories(to);
            for (Path file : files) {
                String name = relative(from, file);
                if (name.contains("\n") || name.contains("\r")) {
                    throw new LaunchFailure(ExitCode.FAILED, "A stored file's name holds a line break, which the checksum list cannot carry: " + file);
                }
                Path copy = to.resolve(name);
                Files.createDirectories(copy.getParent());
                MessageDigest digest = sha256Digest();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                     OutputStream outFile = Files.newOutputStream(copy)) {
                    progress.file(in.transferTo(outFile));
                }
                Files.setLastModifiedTime(copy, Files.getLastModifiedTime(file));
                sums.put(name, HexFormat.of().formatHex(digest.digest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
        progress.done();
        return sums;
    }

    static String sha256(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Files and bytes done, printed at most once a second and at the end, so a long run shows it is moving. */
    static final class Progress {

        private final PrintStream out;
        private final Clock clock;
        private String step = "";
        private long total;
        private long files;
        private long bytes;
        private Instant lastPrinted = Instant.MIN;

        Progress(PrintStream out, Clock clock) {
            this.out = out;
            this.clock = clock;
        }

        void start(String step, long totalFiles) {
            this.step = step;
            this.total = totalFiles;
            this.files = 0;
            this.bytes = 0;
            this.lastPrinted = clock.instant();
        }

        void file(long size) {
            files++;
            bytes += size;
            if (clock.instant().isAfter(lastPrinted.plusSeconds(1))) {
                print();
            }
        }

        void done() {
            print();
        }

        long files() {
            return files;
        }

        long bytes() {
            return bytes;
        }

        private void print() {
            lastPrinted = clock.instant();
            out.printf("  %s: %d of %d files, %s%n", step, files, total, size(bytes));
        }

        static String size(long bytes) {
            return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
    }
}
