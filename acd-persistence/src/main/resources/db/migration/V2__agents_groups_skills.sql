-- Agents, skills and ACD groups; which supervisor sees which group.

CREATE TABLE agent (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    extension    VARCHAR(32)  NOT NULL COMMENT 'the number callers and colleagues know the agent by, unique within the tenant',
    display_name VARCHAR(200) NOT NULL,
    sip_username VARCHAR(64)  NOT NULL COMMENT 'digest user name of the agent phone; unique across the installation, because REGISTER names no tenant',
    sip_realm    VARCHAR(64)  NOT NULL DEFAULT 'verbund',
    sip_ha1      CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'RFC 2617 HA1: lower-case hex MD5(sip_username:sip_realm:password); password-equivalent, never log it',
    user_id      BIGINT       NULL     COMMENT 'the portal user who works as this agent; NULL: phone only',
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_agent_extension UNIQUE (tenant_id, extension),
    CONSTRAINT uk_agent_sip_username UNIQUE (sip_username),
    CONSTRAINT uk_agent_user UNIQUE (user_id),
    CONSTRAINT uk_agent_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_agent_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_agent_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
    CONSTRAINT ck_agent_sip_ha1 CHECK (sip_ha1 REGEXP '^[0-9a-f]{32}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE skill (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_skill_name UNIQUE (tenant_id, name),
    CONSTRAINT uk_skill_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_skill_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE agent_skill (
    tenant_id   BIGINT  NOT NULL,
    agent_id    BIGINT  NOT NULL,
    skill_id    BIGINT  NOT NULL,
    proficiency TINYINT NOT NULL COMMENT '1 (novice) to 5 (expert)',
    PRIMARY KEY (agent_id, skill_id),
    INDEX ix_agent_skill_skill (tenant_id, skill_id),
    CONSTRAINT fk_agent_skill_agent FOREIGN KEY (tenant_id, agent_id) REFERENCES agent (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_skill_skill FOREIGN KEY (tenant_id, skill_id) REFERENCES skill (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_agent_skill_proficiency CHECK (proficiency BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE acd_group (
    id                           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id                    BIGINT       NOT NULL,
    name                         VARCHAR(100) NOT NULL COMMENT 'unique within the tenant; call-flow queue nodes name the group by it',
    strategy                     VARCHAR(16)  NOT NULL DEFAULT 'LONGEST_IDLE' COMMENT 'how the routing engine picks among ready members',
    ring_time_seconds            INT          NOT NULL DEFAULT 15 COMMENT 'how long an offered agent phone rings before the offer counts as not answered',
    wrap_up_seconds              INT          NOT NULL DEFAULT 0 COMMENT 'after-call work before the agent is offered the next call; 0: none',
    max_consecutive_no_answer    INT          NOT NULL DEFAULT 3 COMMENT 'unanswered offers in a row after which the agent is paused with the system reason NO_ANSWER',
    redial_delay_seconds         INT          NOT NULL DEFAULT 2 COMMENT 'pause after an unanswered offer before the caller is offered again',
    service_level_seconds        INT          NOT NULL DEFAULT 20 COMMENT 'answered within this many seconds counts for the service level (the classic 80/20)',
    service_level_target_percent INT          NOT NULL DEFAULT 80,
    short_abandon_seconds        INT          NOT NULL DEFAULT 5 COMMENT 'callers who hang up sooner are short abandons, left out of the abandon rate',
    forced_disposition           BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'the agent must pick a disposition before wrap-up can end',
    recording                    BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'record answered calls of this group',
    created_at                   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at                   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version                      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_acd_group_name UNIQUE (tenant_id, name),
    CONSTRAINT uk_acd_group_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_acd_group_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_acd_group_strategy CHECK (strategy IN ('LONGEST_IDLE', 'RING_ALL', 'SKILLS_BASED', 'ROUND_ROBIN', 'LEAST_CALLS')),
    CONSTRAINT ck_acd_group_ring_time CHECK (ring_time_seconds BETWEEN 1 AND 600),
    CONSTRAINT ck_acd_group_wrap_up CHECK (wrap_up_seconds >= 0),
    CONSTRAINT ck_acd_group_no_answer CHECK (max_consecutive_no_answer >= 1),
    CONSTRAINT ck_acd_group_redial_delay CHECK (redial_delay_seconds >= 0),
    CONSTRAINT ck_acd_group_service_level CHECK (service_level_seconds >= 1),
    CONSTRAINT ck_acd_group_service_level_target CHECK (service_level_target_percent BETWEEN 0 AND 100),
    CONSTRAINT ck_acd_group_short_abandon CHECK (short_abandon_seconds >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'ACD groups (queues): their agents, distribution strategy and service-level goals';

CREATE TABLE group_membership (
    tenant_id BIGINT NOT NULL,
    group_id  BIGINT NOT NULL,
    agent_id  BIGINT NOT NULL,
    penalty   INT    NOT NULL DEFAULT 0 COMMENT 'members with a lower penalty are offered calls first; equal penalties are ordered by the strategy',
    PRIMARY KEY (group_id, agent_id),
    INDEX ix_group_membership_agent (tenant_id, agent_id),
    CONSTRAINT fk_group_membership_group FOREIGN KEY (tenant_id, group_id) REFERENCES acd_group (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_group_membership_agent FOREIGN KEY (tenant_id, agent_id) REFERENCES agent (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_group_membership_penalty CHECK (penalty >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE group_skill_requirement (
    tenant_id       BIGINT  NOT NULL,
    group_id        BIGINT  NOT NULL,
    skill_id        BIGINT  NOT NULL,
    min_proficiency TINYINT NOT NULL DEFAULT 1,
    PRIMARY KEY (group_id, skill_id),
    INDEX ix_group_skill_requirement_skill (tenant_id, skill_id),
    CONSTRAINT fk_group_skill_requirement_group FOREIGN KEY (tenant_id, group_id) REFERENCES acd_group (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_group_skill_requirement_skill FOREIGN KEY (tenant_id, skill_id) REFERENCES skill (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_group_skill_requirement_proficiency CHECK (min_proficiency BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'skills a member needs to be offered calls of the group (SKILLS_BASED prefers higher proficiency)';

CREATE TABLE supervisor_group (
    tenant_id BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    group_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, group_id),
    INDEX ix_supervisor_group_group (tenant_id, group_id),
    CONSTRAINT fk_supervisor_group_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_supervisor_group_group FOREIGN KEY (tenant_id, group_id) REFERENCES acd_group (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'narrows a SUPERVISOR to these groups; a supervisor with no rows here supervises every group of the tenant';
