package io.verbund.acd.portal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.tenant.TenantKey;
import org.junit.jupiter.api.Test;

class StorageRefusedTest {

    @Test
    void keepsTheServicesTypeStatusAndSentence() {
        StorageRefused refused = new StorageRefused(422, "urn:verbund-acd:problem:invalid-prompt",
                "WAV of 16-bit PCM at 8000 Hz stereo: prompts must be mono", new TenantKey("demo"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.type()).isEqualTo("urn:verbund-acd:problem:invalid-prompt");
        assertThat(refused.detail()).endsWith("prompts must be mono");
    }

    @Test
    void aRefusalWithoutProblemDocumentStillSaysWhatHappened() {
        StorageRefused refused = new StorageRefused(413, "", "", new TenantKey("demo"));
        assertThat(refused.type()).isEqualTo("urn:verbund-acd:problem:file-refused");
        assertThat(refused.detail()).contains("413");
    }
}
