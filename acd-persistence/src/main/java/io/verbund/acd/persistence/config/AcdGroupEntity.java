package io.verbund.acd.persistence.config;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code acd_group}: an ACD group's settings, members and required skills. */
@Entity
@Table(name = "acd_group")
public class AcdGroupEntity extends TenantOwned {

    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false, length = 16)
    private String strategy = "LONGEST_IDLE";
    @Column(name = "ring_time_seconds", nullable = false)
    private int ringTimeSeconds = 15;
    @Column(name = "wrap_up_seconds", nullable = false)
    private int wrapUpSeconds;
    @Column(name = "wrap_up_extension_seconds", nullable = false)
    private int wrapUpExtensionSeconds;
    @Column(name = "max_consecutive_no_answer", nullable = false)
    private int maxConsecutiveNoAnswer = 3;
    @Column(name = "redial_delay_seconds", nullable = false)
    private int redialDelaySeconds = 2;
    @Column(name = "redial_delay_busy_seconds")
    private Integer redialDelayBusySeconds;
    @Column(name = "redial_delay_rejected_seconds")
    private Integer redialDelayRejectedSeconds;
    @Column(name = "redial_delay_unregistered_seconds")
    private Integer redialDelayUnregisteredSeconds;
    @Column(name = "service_level_seconds", nullable = false)
    private int serviceLevelSeconds = 20;
    @Column(name = "service_level_target_percent", nullable = false)
    private int serviceLevelTargetPercent = 80;
    @Column(name = "short_abandon_seconds", nullable = false)
    private int shortAbandonSeconds = 5;
    @Column(name = "forced_disposition", nullable = false)
    private boolean forcedDisposition;
    @Column(nullable = false)
    private boolean recording;
    @Column(name = "recording_notice", nullable = false)
    private boolean recordingNotice = true;
    @Column(name = "crm_url_template", length = 1000)
    private String crmUrlTemplate;
    /** The skill steps as JSON (see V11); the portal validates them against the tenant's skills before they are stored. */
    @Column(name = "skill_steps", columnDefinition = "TEXT")
    private String skillSteps;
    @Column(name = "any_member_after_steps", nullable = false)
    private boolean anyMemberAfterSteps;
    @Column(name = "last_agent_days")
    private Integer lastAgentDays;
    @Column(name = "last_agent_seconds", nullable = false)
    private int lastAgentSeconds = 20;
    @Column(nullable = false, precision = 4, scale = 2)
    private BigDecimal weight = BigDecimal.ONE;
    @Column(name = "callback_max_attempts", nullable = false)
    private int callbackMaxAttempts = 3;
    @Column(name = "callback_retry_seconds", nullable = false)
    private int callbackRetrySeconds = 120;
    @Column(name = "callback_max_age_minutes", nullable = false)
    private int callbackMaxAgeMinutes = 240;

    /** In the order an admin lists them: linear routing offers in it, round robin goes round it. */
    @ElementCollection
    @CollectionTable(name = "group_membership", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "position")
    private List<GroupMember> members = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "group_skill_requirement", joinColumns = @JoinColumn(name = "group_id"))
    private List<SkillRequirement> skillRequirements = new ArrayList<>();

    protected AcdGroupEntity() {
    }

    public AcdGroupEntity(long tenantId, String name) {
        super(tenantId);
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public int getRingTimeSeconds() { return ringTimeSeconds; }
    public void setRingTimeSeconds(int ringTimeSeconds) { this.ringTimeSeconds = ringTimeSeconds; }
    public int getWrapUpSeconds() { return wrapUpSeconds; }
    public void setWrapUpSeconds(int wrapUpSeconds) { this.wrapUpSeconds = wrapUpSeconds; }
    public int getWrapUpExtensionSeconds() { return wrapUpExtensionSeconds; }
    public void setWrapUpExtensionSeconds(int wrapUpExtensionSeconds) { this.wrapUpExtensionSeconds = wrapUpExtensionSeconds; }
    public int getMaxConsecutiveNoAnswer() { return maxConsecutiveNoAnswer; }
    public void setMaxConsecutiveNoAnswer(int maxConsecutiveNoAnswer) { this.maxConsecutiveNoAnswer = maxConsecutiveNoAnswer; }
    public int getRedialDelaySeconds() { return redialDelaySeconds; }
    public void setRedialDelaySeconds(int redialDelaySeconds) { this.redialDelaySeconds = redialDelaySeconds; }
    public Integer getRedialDelayBusySeconds() { return redialDelayBusySeconds; }
    public void setRedialDelayBusySeconds(Integer seconds) { this.redialDelayBusySeconds = seconds; }
    public Integer getRedialDelayRejectedSeconds() { return redialDelayRejectedSeconds; }
    public void setRedialDelayRejectedSeconds(Integer seconds) { this.redialDelayRejectedSeconds = seconds; }
    public Integer getRedialDelayUnregisteredSeconds() { return redialDelayUnregisteredSeconds; }
    public void setRedialDelayUnregisteredSeconds(Integer seconds) { this.redialDelayUnregisteredSeconds = seconds; }
    public int getServiceLevelSeconds() { return serviceLevelSeconds; }
    public void setServiceLevelSeconds(int serviceLevelSeconds) { this.serviceLevelSeconds = serviceLevelSeconds; }
    public int getServiceLevelTargetPercent() { return serviceLevelTargetPercent; }
    public void setServiceLevelTargetPercent(int serviceLevelTargetPercent) { this.serviceLevelTargetPercent = serviceLevelTargetPercent; }
    public int getShortAbandonSeconds() { return shortAbandonSeconds; }
    public void setShortAbandonSeconds(int shortAbandonSeconds) { this.shortAbandonSeconds = shortAbandonSeconds; }
    public boolean isForcedDisposition() { return forcedDisposition; }
    public void setForcedDisposition(boolean forcedDisposition) { this.forcedDisposition = forcedDisposition; }
    public boolean isRecordingNotice() { return recordingNotice; }
    public void setRecordingNotice(boolean recordingNotice) { this.recordingNotice = recordingNotice; }
    public boolean isRecording() { return recording; }
    public void setRecording(boolean recording) { this.recording = recording; }
    public String getCrmUrlTemplate() { return crmUrlTemplate; }
    public void setCrmUrlTemplate(String crmUrlTemplate) { this.crmUrlTemplate = crmUrlTemplate; }
    public String getSkillSteps() { return skillSteps; }
    public void setSkillSteps(String skillSteps) { this.skillSteps = skillSteps; }
    public boolean isAnyMemberAfterSteps() { return anyMemberAfterSteps; }
    public void setAnyMemberAfterSteps(boolean anyMemberAfterSteps) { this.anyMemberAfterSteps = anyMemberAfterSteps; }
    public Integer getLastAgentDays() { return lastAgentDays; }
    public void setLastAgentDays(Integer lastAgentDays) { this.lastAgentDays = lastAgentDays; }
    public int getLastAgentSeconds() { return lastAgentSeconds; }
    public void setLastAgentSeconds(int lastAgentSeconds) { this.lastAgentSeconds = lastAgentSeconds; }
    public BigDecimal getWeight() { return weight; }
    public void setWeight(BigDecimal weight) { this.weight = weight; }
    public int getCallbackMaxAttempts() { return callbackMaxAttempts; }
    public void setCallbackMaxAttempts(int callbackMaxAttempts) { this.callbackMaxAttempts = callbackMaxAttempts; }
    public int getCallbackRetrySeconds() { return callbackRetrySeconds; }
    public void setCallbackRetrySeconds(int callbackRetrySeconds) { this.callbackRetrySeconds = callbackRetrySeconds; }
    public int getCallbackMaxAgeMinutes() { return callbackMaxAgeMinutes; }
    public void setCallbackMaxAgeMinutes(int callbackMaxAgeMinutes) { this.callbackMaxAgeMinutes = callbackMaxAgeMinutes; }
    public List<GroupMember> getMembers() { return members; }
    public List<SkillRequirement> getSkillRequirements() { return skillRequirements; }
}
