package io.verbund.acd.callflow;

import java.util.Set;

/**
 * The prompts every tenant has without uploading anything: the ones the demo flows and the queue's
 * announcements use. A call flow may name these or the tenant's own uploaded prompts.
 */
public final class SystemPrompts {

    public static final Set<String> NAMES = Set.of("welcome", "greeting", "menu", "invalid", "closed", "voicemail",
            "goodbye", "please-hold", "music-on-hold", "recording-notice", "all-agents-busy");

    private SystemPrompts() {
    }

    public static boolean has(String name) {
        return NAMES.contains(name);
    }
}
