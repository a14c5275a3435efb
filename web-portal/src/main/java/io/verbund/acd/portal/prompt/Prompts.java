package io.verbund.acd.portal.prompt;

import io.verbund.acd.callflow.SystemPrompts;
import io.verbund.acd.callflow.TenantResource;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.storage.TenantFiles;
import io.verbund.acd.runtime.callflow.CallFlowGraphJson;
import io.verbund.acd.runtime.callflow.MalformedCallFlowGraph;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StoredFileInfo;
import io.verbund.acd.runtime.storage.StoredStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A tenant's prompts: the system's (every tenant has them, nothing is stored) and its own in
 * storage-service's category {@code prompts}. storage-service checks and converts an upload; this
 * adds what it cannot know: prompt names as call flows use them, that a system prompt's name is
 * not free, and that a prompt the current version of a call flow plays stays.
 */
@ApplicationScoped
public class Prompts {

    private static final Logger LOG = Logger.getLogger(Prompts.class.getName());

    /** The result of an upload: the prompt, and whether it is new (rather than replaced). */
    public record Upload(PromptDocument prompt, boolean created) {
    }

    private final TenantFiles files;
    private final EntityManager entities;

    @Inject
    public Prompts(TenantFiles files, EntityManager entities) {
        this.files = files;
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected Prompts() {
        this(null, null);
    }

    /** The system prompts, then the tenant's own, each by name. */
    public List<PromptDocument> list(AddressedTenant tenant) {
        List<PromptDocument> prompts = new ArrayList<>(SystemPrompts.NAMES.stream().sorted()
                .map(name -> new PromptDocument(name, true, null, null, null)).toList());
        uploaded(tenant).stream().map(Prompts::document).sorted(Comparator.comparing(PromptDocument::name)).forEach(prompts::add);
        return prompts;
    }

    /** The names of the prompts the tenant uploaded (and that are completely stored). */
    public Set<String> uploadedNames(AddressedTenant tenant) {
        return uploaded(tenant).stream().map(file -> PromptName.ofFile(file.name()).orElseThrow().value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Upload upload(AddressedTenant tenant, PromptName name, byte[] audio, String contentType, Caller by) {
        if (name.isSystemPrompt()) {
            throw new SystemPromptName(name, tenant.key());
        }
        boolean existed = find(tenant, name).isPresent();
        StoredFileInfo stored = files.upload(tenant, FileCategory.PROMPTS, name.fileName(), audio, contentType);
        LOG.info(() -> "prompt " + name + " of tenant " + tenant.key() + (existed ? " replaced" : " uploaded") + " by " + by.login()
                + " (" + audio.length + " bytes sent, " + stored.size() + " stored)");
        return new Upload(document(stored), !existed);
    }

    /** The stored prompt, or the part a player's {@code Range} asks for. */
    public StoredStream open(AddressedTenant tenant, String name, Optional<String> range, Optional<String> ifRange) {
        if (!PromptName.valid(name)) {
            throw new UnknownPrompt(name, tenant.key());
        }
        return files.open(tenant, FileCategory.PROMPTS, new PromptName(name).fileName(), range, ifRange)
                .orElseThrow(() -> new UnknownPrompt(name, tenant.key()));
    }

    public void remove(AddressedTenant tenant, String name, Caller by) {
        if (!PromptName.valid(name)) {
            throw new UnknownPrompt(name, tenant.key());
        }
        PromptName prompt = new PromptName(name);
        if (prompt.isSystemPrompt()) {
            throw new SystemPromptName(prompt, tenant.key());
        }
        if (find(tenant, prompt).isEmpty()) {
            throw new UnknownPrompt(name, tenant.key());
        }
        List<String> flows = flowsPlaying(tenant, prompt);
        if (!flows.isEmpty()) {
            throw new PromptInUse(prompt, flows, tenant.key());
        }
        if (!files.delete(tenant, FileCategory.PROMPTS, prompt.fileName())) {
            throw new UnknownPrompt(name, tenant.key());
        }
        LOG.info(() -> "prompt " + prompt + " of tenant " + tenant.key() + " removed by " + by.login());
    }

    /** The call flows whose current version plays the prompt, by name. */
    List<String> flowsPlaying(AddressedTenant tenant, PromptName prompt) {
        List<Object[]> current = entities.createQuery("SELECT f.name, v.graph FROM CallFlowEntity f, CallFlowVersionEntity v"
                        + " WHERE f.tenantId = :tenant AND v.callFlowId = f.id AND v.version = f.currentVersion ORDER BY f.name", Object[].class)
                .setParameter("tenant", tenant.idValue()).getResultList();
        List<String> flows = new ArrayList<>();
        for (Object[] row : current) {
            try {
                if (CallFlowGraphJson.read((String) row[1]).references(TenantResource.PROMPT).contains(prompt.value())) {
                    flows.add((String) row[0]);
                }
            } catch (MalformedCallFlowGraph stored) {
                // a stored graph was checked when it was published; one that no longer reads plays nothing
                LOG.warning(() -> "call flow " + row[0] + " of tenant " + tenant.key() + " has a graph that does not read: " + stored.getMessage());
            }
        }
        return flows;
    }

    private Optional<StoredFileInfo> find(AddressedTenant tenant, PromptName name) {
        return files.list(tenant, FileCategory.PROMPTS, name.fileName()).stream().filter(file -> file.name().equals(name.fileName())).findFirst();
    }

    private List<StoredFileInfo> uploaded(AddressedTenant tenant) {
        return files.list(tenant, FileCategory.PROMPTS, "").stream()
                .filter(file -> file.complete() && PromptName.ofFile(file.name()).isPresent()).toList();
    }

    private static PromptDocument document(StoredFileInfo file) {
        return new PromptDocument(PromptName.ofFile(file.name()).map(PromptName::value).orElse(file.name()), false, file.size(),
                file.modified(), file.sha256().orElse(null));
    }
}
