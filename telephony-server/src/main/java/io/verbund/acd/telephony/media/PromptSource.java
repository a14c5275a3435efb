package io.verbund.acd.telephony.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the system prompts' WAV files come from: the WAR's classpath in production, a directory of test
 * files in tests. Files are laid out as {@code <lang>/<name>.wav}.
 */
@FunctionalInterface
public interface PromptSource {

    /** The file's bytes, or empty if there is no such file. */
    Optional<byte[]> read(PromptLanguage language, String name);

    /** {@code prompts/<lang>/<name>.wav} on the class path, as the prompt script generates them. */
    static PromptSource classpath(ClassLoader loader) {
        return (language, name) -> {
            String resource = "prompts/" + language.tag() + "/" + name + ".wav";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resource, e);
            }
        };
    }

    /** {@code <root>/<lang>/<name>.wav}. */
    static PromptSource directory(Path root) {
        return (language, name) -> {
            Path file = root.resolve(language.tag()).resolve(name + ".wav");
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        };
    }
}
