package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.UnreadableWav;
import io.verbund.acd.callflow.SystemPrompts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Every system prompt in every language, read and encoded once when the node starts, so a call never
 * waits for a file and a thousand callers hearing music on hold share one set of frames. Immutable after
 * construction; safe to use from any thread.
 *
 * <p>A file that is missing is not an error here: the library lists it ({@link #missing()}) and the node
 * decides whether to start without it; asking for it later throws {@link UnknownPrompt}. A file that is
 * present but broken is an error, as it is a packaging mistake.
 *
 * <p>German and English both say the number before the unit ("vier Minuten", "four minutes"), so
 * {@link #estimatedWait} is the same sequence of names in both.
 */
public final class PromptLibrary {

    /** The highest number there is a prompt for: positions and minutes above it are the caller's to cap. */
    public static final int HIGHEST_NUMBER = 59;

    public static final String CALLER_POSITION = "you-are-caller-number";
    public static final String ESTIMATED_WAIT = "estimated-wait-is";
    public static final String MINUTES = "minutes";
    public static final String MINUTE = "minute";
    public static final String ONE_MINUTE = "one-minute";
    public static final String LESS_THAN_A_MINUTE = "less-than-a-minute";
    public static final String BEEP = "beep";
    /** What a caller hears as a supervisor joins its call, when the tenant's settings say so. */
    public static final String SUPERVISION_NOTICE = "supervision-notice";

    /** Every name the library loads: the call flows' prompts, the queue's announcement parts and numbers. */
    public static final Set<String> NAMES = names();

    private final Map<PromptLanguage, Map<String, PromptAudio>> prompts = new EnumMap<>(PromptLanguage.class);
    private final List<String> missing = new ArrayList<>();

    /**
     * Loads every name in {@link #NAMES} for every language from {@code source}. Throws
     * {@link UnreadableWav} or {@link UnplayableAudio}, naming the file, for a file that is there but
     * cannot be played.
     */
    public PromptLibrary(PromptSource source) {
        for (PromptLanguage language : PromptLanguage.values()) {
            Map<String, PromptAudio> loaded = new HashMap<>();
            for (String name : NAMES) {
                source.read(language, name).ifPresentOrElse(
                        file -> loaded.put(name, decode(language, name, file)),
                        () -> missing.add(language.tag() + "/" + name));
            }
            prompts.put(language, Map.copyOf(loaded));
        }
    }

    /** The WAR's own prompts, from {@code prompts/<lang>/<name>.wav} on its class path. */
    public static PromptLibrary fromClasspath() {
        return new PromptLibrary(PromptSource.classpath(PromptLibrary.class.getClassLoader()));
    }

    private static PromptAudio decode(PromptLanguage language, String name, byte[] file) {
        String where = language.tag() + "/" + name + ".wav";
        try {
            return PromptAudio.fromWav(file);
        } catch (UnplayableAudio e) {
            throw new UnplayableAudio(where, e.format());
        } catch (UnreadableWav e) {
            throw new UnreadableWav(where + ": " + e.getMessage());
        }
    }

    /** The files that were not there, as {@code <lang>/<name>}; empty when the library is complete. */
    public List<String> missing() {
        return Collections.unmodifiableList(missing);
    }

    public Playable prompt(PromptLanguage language, String name) {
        PromptAudio prompt = prompts.get(language).get(name);
        if (prompt == null) {
            throw new UnknownPrompt(language, name);
        }
        return prompt;
    }

    public boolean has(PromptLanguage language, String name) {
        return prompts.get(language).containsKey(name);
    }

    /** "You are caller number three", as prompt names; empty for a place that has no number prompt. */
    public static List<String> callerPosition(int position) {
        if (position < 1 || position > HIGHEST_NUMBER) {
            return List.of();
        }
        return List.of(CALLER_POSITION, "number-" + position);
    }

    /**
     * "The estimated wait is four minutes", as prompt names. German counts "eins" but says "eine
     * Minute", so one minute has a prompt of its own; so has less than a minute. Empty beyond the
     * highest number: a caller is better told nothing than a wrong number.
     */
    public static List<String> estimatedWait(long minutes) {
        if (minutes < 1) {
            return List.of(ESTIMATED_WAIT, LESS_THAN_A_MINUTE);
        }
        if (minutes == 1) {
            return List.of(ESTIMATED_WAIT, ONE_MINUTE);
        }
        if (minutes > HIGHEST_NUMBER) {
            return List.of();
        }
        return List.of(ESTIMATED_WAIT, "number-" + minutes, MINUTES);
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(SystemPrompts.NAMES);
        names.addAll(List.of(CALLER_POSITION, ESTIMATED_WAIT, MINUTES, MINUTE, ONE_MINUTE, LESS_THAN_A_MINUTE, BEEP, SUPERVISION_NOTICE));
        IntStream.rangeClosed(0, HIGHEST_NUMBER).forEach(n -> names.add("number-" + n));
        return Collections.unmodifiableSet(names);
    }
}
