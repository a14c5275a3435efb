-- What happened: one record per call, the call's events, and agent state changes.
--
-- These tables are history, written in batches on the master and read on the replicas. They refer
-- to agents and groups by id WITHOUT foreign keys: history outlives configuration (deleting an
-- agent must neither fail because of nor delete its past calls), events may arrive before the call
-- record row, and a batch insert must not stall on lookups into configuration tables.
-- Only tenant_id has a foreign key. All times are UTC.

CREATE TABLE call_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    call_id         VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                    COMMENT 'derived from the SIP Call-ID, which is case-sensitive (RFC 3261), hence ascii_bin',
    tenant_id       BIGINT       NOT NULL,
    service_number  VARCHAR(16)  NULL     COMMENT 'the number dialled, E.164',
    caller          VARCHAR(128) NULL     COMMENT 'caller number or SIP user as presented; NULL: anonymous',
    group_id        BIGINT       NULL     COMMENT 'the ACD group the call was last queued in',
    agent_id        BIGINT       NULL     COMMENT 'the agent who answered',
    received_at     DATETIME(3)  NOT NULL COMMENT 'INVITE received',
    queued_at       DATETIME(3)  NULL,
    offered_at      DATETIME(3)  NULL     COMMENT 'first offer to an agent',
    answered_at     DATETIME(3)  NULL     COMMENT 'agent answered',
    ended_at        DATETIME(3)  NULL     COMMENT 'NULL: still in progress',
    outcome         VARCHAR(24)  NULL     COMMENT 'ANSWERED, ABANDONED, VOICEMAIL, CLOSED, HANGUP_IN_FLOW, TRANSFERRED, REJECTED, FAILED; NULL: in progress. Deliberately no CHECK: a batch must not fail on a value added later',
    disposition     VARCHAR(32)  NULL     COMMENT 'disposition.code the agent gave',
    handled_by_node VARCHAR(64)  NULL     COMMENT 'cluster node (jboss.node.name) that owns the call',
    created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uk_call_record_call_id UNIQUE (call_id),
    INDEX ix_call_record_tenant_received (tenant_id, received_at),
    INDEX ix_call_record_tenant_group_received (tenant_id, group_id, received_at),
    INDEX ix_call_record_tenant_agent_received (tenant_id, agent_id, received_at),
    CONSTRAINT fk_call_record_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE call_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    call_id     VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    seq         INT          NOT NULL COMMENT 'position within the call, from 1; (call_id, seq) makes a retried write a no-op',
    type        VARCHAR(40)  NOT NULL COMMENT 'past-tense fact: CallReceived, CallQueued, CallOffered, CallAnswered, CallAbandoned, ...',
    occurred_at DATETIME(3)  NOT NULL,
    agent_id    BIGINT       NULL,
    group_id    BIGINT       NULL,
    flow_node   VARCHAR(64)  NULL     COMMENT 'id of the call-flow node the call was in',
    node        VARCHAR(64)  NULL     COMMENT 'cluster node (jboss.node.name) that wrote the event',
    detail      LONGTEXT     NULL     COMMENT 'JSON object with what the type needs beyond the columns',
    recorded_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) COMMENT 'when the row reached the database',
    PRIMARY KEY (id),
    CONSTRAINT uk_call_event_seq UNIQUE (call_id, seq),
    INDEX ix_call_event_tenant_occurred (tenant_id, occurred_at),
    INDEX ix_call_event_tenant_agent_occurred (tenant_id, agent_id, occurred_at),
    CONSTRAINT fk_call_event_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_call_event_seq CHECK (seq >= 1),
    CONSTRAINT ck_call_event_detail CHECK (JSON_VALID(detail))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE agent_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    agent_id    BIGINT       NOT NULL,
    seq         BIGINT       NOT NULL COMMENT 'position in the agent''s history; whoever owns the agent state continues it from MAX(seq) after a cold start. (agent_id, seq) makes a retried write a no-op',
    state       VARCHAR(24)  NOT NULL COMMENT 'the state entered: LOGGED_OUT, READY, RESERVED, RINGING, TALKING, WRAP_UP, PAUSED',
    reason      VARCHAR(32)  NULL     COMMENT 'pause_reason.code when PAUSED',
    call_id     VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'the call that caused the change, if any',
    occurred_at DATETIME(3)  NOT NULL,
    node        VARCHAR(64)  NULL     COMMENT 'cluster node (jboss.node.name) that wrote the event',
    recorded_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uk_agent_event_seq UNIQUE (agent_id, seq),
    INDEX ix_agent_event_tenant_occurred (tenant_id, occurred_at),
    INDEX ix_agent_event_tenant_agent_occurred (tenant_id, agent_id, occurred_at),
    CONSTRAINT fk_agent_event_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_agent_event_seq CHECK (seq >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
