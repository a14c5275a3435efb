package io.verbund.acd.portal.group;

import io.verbund.acd.persistence.config.AcdGroupEntity;
import io.verbund.acd.persistence.config.GroupMember;
import io.verbund.acd.persistence.config.SkillRequirement;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.TenantItems;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.RequiredVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantNames;
import io.verbund.acd.portal.api.TenantRows;
import io.verbund.acd.portal.api.UnknownItem;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.routing.SkillStepsJson;
import io.verbund.acd.skill.InvalidSkillRequirements;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.skill.SkillRequirements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.logging.Logger;

/**
 * The ACD groups of a tenant: read, created, replaced and removed in one transaction each. Members
 * and skills are named by extension and skill name; a name the tenant does not have is a field
 * problem naming the entry, not a silent drop.
 */
@ApplicationScoped
@Transactional
public class AcdGroups implements TenantItems<GroupRequest, GroupDocument> {

    static final String KIND = "ACD group";
    private static final Logger LOG = Logger.getLogger(AcdGroups.class.getName());

    private final EntityManager entities;

    @Inject
    public AcdGroups(EntityManager entities) {
        this.entities = entities;
    }

    /** For CDI's proxy only. */
    protected AcdGroups() {
        this.entities = null;
    }

    public Page<GroupDocument> list(AddressedTenant tenant, String filter, PageRequest page) {
        Page<AcdGroupEntity> rows = TenantRows.page(entities, AcdGroupEntity.class, "name", filter, page, tenant);
        return new Page<>(rows.items().stream().map(group -> document(group, tenant)).toList(), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public GroupDocument get(AddressedTenant tenant, long id) {
        return document(find(tenant, id), tenant);
    }

    @Override
    public GroupDocument create(AddressedTenant tenant, GroupRequest request, Caller by) {
        requireFreeName(tenant, request.name(), null);
        AcdGroupEntity group = new AcdGroupEntity(tenant.idValue(), request.name().strip());
        apply(tenant, group, request);
        entities.persist(group);
        entities.flush();
        LOG.info(() -> "ACD group " + group.getName() + " (" + group.getId() + ") created in tenant " + tenant.key() + " by " + by);
        return document(group, tenant);
    }

    @Override
    public GroupDocument replace(AddressedTenant tenant, long id, GroupRequest request, String ifMatch, Caller by) {
        AcdGroupEntity group = find(tenant, id);
        EntityVersion.require(KIND + " '" + group.getName() + "'", group.getVersion(), RequiredVersion.of(request.version(), tenant.key()), ifMatch, tenant.key());
        requireFreeName(tenant, request.name(), group.getId());
        group.setName(request.name().strip());
        apply(tenant, group, request);
        entities.flush();
        LOG.info(() -> "ACD group " + group.getName() + " (" + id + ") changed to version " + group.getVersion()
                + " in tenant " + tenant.key() + " by " + by + ": strategy " + group.getStrategy());
        return document(group, tenant);
    }

    @Override
    public void remove(AddressedTenant tenant, long id, String ifMatch, Caller by) {
        AcdGroupEntity group = find(tenant, id);
        EntityVersion.require(KIND + " '" + group.getName() + "'", group.getVersion(), group.getVersion(), ifMatch, tenant.key());
        entities.remove(group);
        entities.flush();
        LOG.info(() -> "ACD group " + group.getName() + " (" + id + ") removed from tenant " + tenant.key() + " by " + by);
    }

    /** Puts the agent into the group (or gives it another penalty); the group's version moves on. */
    public GroupDocument putMember(AddressedTenant tenant, long id, String extension, int penalty, Caller by) {
        AcdGroupEntity group = find(tenant, id);
        Long agentId = TenantNames.agentIdsByExtension(entities, List.of(extension), tenant).get(extension);
        if (agentId == null) {
            throw new UnknownItem("agent", extension, tenant.key());
        }
        group.getMembers().removeIf(member -> member.getAgentId() == agentId);
        group.getMembers().add(new GroupMember(tenant.idValue(), agentId, penalty));
        entities.flush();
        LOG.info(() -> "agent " + extension + " put into ACD group " + group.getName() + " (penalty " + penalty + ") in tenant "
                + tenant.key() + " by " + by);
        return document(group, tenant);
    }

    /** Takes the agent out of the group; answering the group as it is when the agent was not in it. */
    public GroupDocument removeMember(AddressedTenant tenant, long id, String extension, Caller by) {
        AcdGroupEntity group = find(tenant, id);
        Long agentId = TenantNames.agentIdsByExtension(entities, List.of(extension), tenant).get(extension);
        if (agentId == null) {
            throw new UnknownItem("agent", extension, tenant.key());
        }
        if (group.getMembers().removeIf(member -> member.getAgentId() == agentId)) {
            entities.flush();
            LOG.info(() -> "agent " + extension + " taken out of ACD group " + group.getName() + " in tenant " + tenant.key() + " by " + by);
        }
        return document(group, tenant);
    }

    private AcdGroupEntity find(AddressedTenant tenant, long id) {
        return TenantRows.find(entities, AcdGroupEntity.class, id, tenant).orElseThrow(() -> new UnknownItem(KIND, id, tenant.key()));
    }

    private void requireFreeName(AddressedTenant tenant, String name, Long exceptId) {
        if (TenantRows.taken(entities, AcdGroupEntity.class, "name", name.strip(), exceptId, tenant)) {
            throw InvalidFields.of("name", PortalWords.text("group.name-taken", name.strip()), tenant.key());
        }
    }

    private void apply(AddressedTenant tenant, AcdGroupEntity group, GroupRequest request) {
        group.setStrategy(Objects.requireNonNullElse(request.strategy(), "LONGEST_IDLE"));
        group.setRingTimeSeconds(Objects.requireNonNullElse(request.ringTimeSeconds(), 15));
        group.setWrapUpSeconds(Objects.requireNonNullElse(request.wrapUpSeconds(), 0));
        group.setWrapUpExtensionSeconds(Objects.requireNonNullElse(request.wrapUpExtensionSeconds(), 0));
        group.setMaxConsecutiveNoAnswer(Objects.requireNonNullElse(request.maxConsecutiveNoAnswer(), 3));
        group.setRedialDelaySeconds(Objects.requireNonNullElse(request.redialDelaySeconds(), 2));
        group.setRedialDelayBusySeconds(request.redialDelayBusySeconds());
        group.setRedialDelayRejectedSeconds(request.redialDelayRejectedSeconds());
        group.setRedialDelayUnregisteredSeconds(request.redialDelayUnregisteredSeconds());
        group.setServiceLevelSeconds(Objects.requireNonNullElse(request.serviceLevelSeconds(), 20));
        group.setServiceLevelTargetPercent(Objects.requireNonNullElse(request.serviceLevelTargetPercent(), 80));
        group.setShortAbandonSeconds(Objects.requireNonNullElse(request.shortAbandonSeconds(), 5));
        group.setForcedDisposition(Boolean.TRUE.equals(request.forcedDisposition()));
        group.setRecording(Boolean.TRUE.equals(request.recording()));
        group.setRecordingNotice(!Boolean.FALSE.equals(request.recordingNotice()));
        group.setCrmUrlTemplate(request.crmUrlTemplate() == null || request.crmUrlTemplate().isBlank() ? null : request.crmUrlTemplate().strip());
        List<FieldProblem> problems = new ArrayList<>();
        List<GroupRequest.Member> members = Objects.requireNonNullElse(request.members(), List.of());
        Map<String, Long> agentIds = TenantNames.agentIdsByExtension(entities,
                members.stream().map(GroupRequest.Member::extension).toList(), tenant);
        List<GroupMember> newMembers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            GroupRequest.Member member = members.get(i);
            Long agentId = agentIds.get(member.extension());
            if (agentId == null) {
                problems.add(new FieldProblem("members[" + i + "].extension", PortalWords.text("common.agent-unknown", member.extension())));
            } else if (!seen.add(member.extension())) {
                problems.add(new FieldProblem("members[" + i + "].extension", PortalWords.text("group.member-twice", member.extension())));
            } else {
                newMembers.add(new GroupMember(tenant.idValue(), agentId, Objects.requireNonNullElse(member.penalty(), 0)));
            }
        }
        List<GroupRequest.SkillNeeded> skills = Objects.requireNonNullElse(request.skillRequirements(), List.of());
        // One look-up for every skill the request names, in its requirements and in its steps.
        Map<String, Long> skillIds = TenantNames.skillIdsByName(entities, skillsNamed(request), tenant);
        List<SkillRequirement> newSkills = new ArrayList<>();
        Set<String> seenSkills = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            GroupRequest.SkillNeeded skill = skills.get(i);
            Long skillId = skillIds.get(skill.skill());
            if (skillId == null) {
                problems.add(new FieldProblem("skillRequirements[" + i + "].skill", PortalWords.text("common.skill-unknown", skill.skill())));
            } else if (!seenSkills.add(skill.skill())) {
                problems.add(new FieldProblem("skillRequirements[" + i + "].skill", PortalWords.text("common.skill-twice", skill.skill())));
            } else {
                newSkills.add(new SkillRequirement(tenant.idValue(), skillId, Objects.requireNonNullElse(skill.minProficiency(), 1)));
            }
        }
        List<io.verbund.acd.skill.SkillStep> steps = skillSteps(request, skillIds, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant.key());
        }
        group.setSkillSteps(steps.isEmpty() ? null : SkillStepsJson.write(steps));
        group.setAnyMemberAfterSteps(Boolean.TRUE.equals(request.anyMemberAfterSteps()));
        group.setLastAgentDays(request.lastAgentDays());
        group.setLastAgentSeconds(Objects.requireNonNullElse(request.lastAgentSeconds(), 20));
        group.setWeight(Objects.requireNonNullElse(request.weight(), BigDecimal.ONE));
        group.setCallbackMaxAttempts(Objects.requireNonNullElse(request.callbackMaxAttempts(), 3));
        group.setCallbackRetrySeconds(Objects.requireNonNullElse(request.callbackRetrySeconds(), 120));
        group.setCallbackMaxAgeMinutes(Objects.requireNonNullElse(request.callbackMaxAgeMinutes(), 240));
        group.getMembers().clear();
        group.getMembers().addAll(newMembers);
        group.getSkillRequirements().clear();
        group.getSkillRequirements().addAll(newSkills);
    }

    private static List<String> skillsNamed(GroupRequest request) {
        Stream<GroupRequest.SkillNeeded> required = Objects.requireNonNullElse(request.skillRequirements(), List.<GroupRequest.SkillNeeded>of()).stream();
        Stream<GroupRequest.SkillNeeded> inSteps = Objects.requireNonNullElse(request.skillSteps(), List.<GroupRequest.SkillStep>of()).stream()
                .flatMap(step -> Objects.requireNonNullElse(step.conditions(), List.<GroupRequest.SkillNeeded>of()).stream());
        return Stream.concat(required, inSteps).map(GroupRequest.SkillNeeded::skill).distinct().toList();
    }

    /**
     * The request's skill steps, checked by the same rules routing applies (acd-core's
     * {@link SkillRequirements}), with each fault named by the API's field: a step without conditions,
     * a level outside 1–5, a step after one that lasts for good, a skill the tenant does not have.
     */
    private static List<io.verbund.acd.skill.SkillStep> skillSteps(GroupRequest request, Map<String, Long> skillIds, List<FieldProblem> problems) {
        List<GroupRequest.SkillStep> asked = Objects.requireNonNullElse(request.skillSteps(), List.of());
        List<io.verbund.acd.skill.SkillStep> steps = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            GroupRequest.SkillStep step = asked.get(i);
            List<GroupRequest.SkillNeeded> conditions = Objects.requireNonNullElse(step.conditions(), List.of());
            boolean known = true;
            for (int j = 0; j < conditions.size(); j++) {
                if (!skillIds.containsKey(conditions.get(j).skill())) {
                    problems.add(new FieldProblem("skillSteps[" + i + "].conditions[" + j + "].skill",
                            "the tenant has no skill named '" + conditions.get(j).skill() + "'"));
                    known = false;
                }
            }
            if (!known) {
                continue;
            }
            int index = i;
            try {
                steps.add(InvalidSkillRequirements.at("steps[" + index + "]", () -> new io.verbund.acd.skill.SkillStep(
                        conditionsOf(conditions), Optional.ofNullable(step.durationSeconds()).map(Duration::ofSeconds))));
            } catch (InvalidSkillRequirements e) {
                problems.add(new FieldProblem(apiField(e.field()), e.reason()));
            }
        }
        if (problems.isEmpty() && !steps.isEmpty()) {
            try {
                new SkillRequirements(List.of(), steps, Boolean.TRUE.equals(request.anyMemberAfterSteps()));
            } catch (InvalidSkillRequirements e) {
                problems.add(new FieldProblem(apiField(e.field()), e.reason()));
            }
        }
        return steps;
    }

    private static List<SkillCondition> conditionsOf(List<GroupRequest.SkillNeeded> conditions) {
        List<SkillCondition> read = new ArrayList<>();
        for (int j = 0; j < conditions.size(); j++) {
            GroupRequest.SkillNeeded condition = conditions.get(j);
            read.add(InvalidSkillRequirements.at("conditions[" + j + "]",
                    () -> SkillCondition.of(condition.skill(), Objects.requireNonNullElse(condition.minProficiency(), 1))));
        }
        return read;
    }

    /** The core's field path in the API's words: steps[1].conditions[0].atLeast → skillSteps[1].conditions[0].minProficiency. */
    static String apiField(String coreField) {
        return coreField.replaceFirst("^steps", "skillSteps").replaceFirst("^anyMemberAfterLastStep", "anyMemberAfterSteps")
                .replaceAll("\\.atLeast$", ".minProficiency").replaceAll("\\.duration$", ".durationSeconds");
    }

    private GroupDocument document(AcdGroupEntity group, AddressedTenant tenant) {
        Map<Long, String> extensions = TenantNames.agentExtensionsById(entities,
                group.getMembers().stream().map(GroupMember::getAgentId).toList(), tenant);
        Map<Long, String> skills = TenantNames.skillNamesById(entities,
                group.getSkillRequirements().stream().map(SkillRequirement::getSkillId).toList(), tenant);
        return new GroupDocument(group.getId(), group.getName(), group.getStrategy(), group.getRingTimeSeconds(),
                group.getWrapUpSeconds(), group.getWrapUpExtensionSeconds(), group.getMaxConsecutiveNoAnswer(), group.getRedialDelaySeconds(),
                Objects.requireNonNullElse(group.getRedialDelayBusySeconds(), group.getRedialDelaySeconds()),
                Objects.requireNonNullElse(group.getRedialDelayRejectedSeconds(), group.getRedialDelaySeconds()),
                Objects.requireNonNullElse(group.getRedialDelayUnregisteredSeconds(), group.getRedialDelaySeconds()),
                group.getServiceLevelSeconds(), group.getServiceLevelTargetPercent(), group.getShortAbandonSeconds(),
                group.isForcedDisposition(), group.isRecording(), group.isRecordingNotice(), group.getCrmUrlTemplate(),
                group.getMembers().stream().map(member -> new GroupDocument.Member(extensions.get(member.getAgentId()), member.getPenalty()))
                        .toList(),
                group.getSkillRequirements().stream()
                        .map(skill -> new GroupDocument.SkillNeeded(skills.get(skill.getSkillId()), skill.getMinProficiency())).toList(),
                SkillStepsJson.read(group.getSkillSteps()).stream().map(step -> new GroupDocument.SkillStep(
                        step.conditions().stream().map(c -> new GroupDocument.SkillNeeded(c.skill().value(), c.atLeast())).toList(),
                        step.duration().map(Duration::toSeconds).orElse(null))).toList(),
                group.isAnyMemberAfterSteps(), group.getLastAgentDays(), group.getLastAgentSeconds(), group.getWeight(),
                group.getCallbackMaxAttempts(), group.getCallbackRetrySeconds(), group.getCallbackMaxAgeMinutes(), group.getVersion(),
                group.getUpdatedAt());
    }
}
