-- Statistics (issue 15): 15-minute slices kept by one cluster-wide worker from the raw call and
-- agent events, the tenants' versioned KPI definitions, and recalculations. Slices hold counts and
-- sums, never ratios, so they add up to hours, days and months exactly and every KPI is read from
-- the sum under the definition a report asks for (docs/statistics.md).

-- Each queue visit of a call, as the worker last computed it from the call's events: its share of
-- the figures (counts 0/1, its wait and talk). A call that changes has its visits replaced; the
-- slices it touches are then summed again from here, so a pass costs what changed, not the size of
-- the slice, and a slice is always the exact sum of its visits.
CREATE TABLE stats_visit (
    call_id                       VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    visit_no                      INT         NOT NULL COMMENT 'the call''s visits in the order they began, from 1',
    tenant_id                     BIGINT      NOT NULL,
    slice_start                   DATETIME    NOT NULL COMMENT 'UTC quarter hour in which the visit entered the queue',
    group_id                      BIGINT      NOT NULL,
    agent_key                     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'answering agent id',
    service_number                VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    disposition                   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'empty: none',
    offered                       TINYINT     NOT NULL,
    answered                      TINYINT     NOT NULL,
    answered_within_target        TINYINT     NOT NULL,
    abandoned                     TINYINT     NOT NULL,
    short_abandoned               TINYINT     NOT NULL,
    abandoned_within_target       TINYINT     NOT NULL,
    short_abandoned_within_target TINYINT     NOT NULL,
    voicemails                    TINYINT     NOT NULL,
    callbacks                     TINYINT     NOT NULL,
    left_queue                    TINYINT     NOT NULL,
    handled                       TINYINT     NOT NULL,
    transfers                     INT         NOT NULL,
    answered_wait_ms              BIGINT      NOT NULL,
    longest_wait_ms               BIGINT      NOT NULL,
    talk_ms                       BIGINT      NOT NULL,
    wrap_up_ms                    BIGINT      NOT NULL,
    PRIMARY KEY (call_id, visit_no),
    INDEX ix_stats_visit_slice (tenant_id, slice_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per slice, tenant, ACD group, dimension and key. Every queue visit belongs to a group, so
-- the other dimensions are kept within their group too: a supervisor's report is limited to the
-- supervisor's groups by the same column whatever it is grouped by.
CREATE TABLE stats_call_slice (
    tenant_id                     BIGINT      NOT NULL,
    slice_start                   DATETIME    NOT NULL COMMENT 'UTC quarter hour in which the visits entered the queue',
    group_id                      BIGINT      NOT NULL,
    dimension                     CHAR(1)     CHARACTER SET ascii NOT NULL COMMENT 'G group (key empty), A answering agent (agent id), N service number, D disposition code (empty: none)',
    dim_key                       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    offered                       INT         NOT NULL,
    answered                      INT         NOT NULL,
    answered_within_target        INT         NOT NULL,
    abandoned                     INT         NOT NULL,
    short_abandoned               INT         NOT NULL,
    abandoned_within_target       INT         NOT NULL,
    short_abandoned_within_target INT         NOT NULL,
    voicemails                    INT         NOT NULL,
    callbacks                     INT         NOT NULL,
    left_queue                    INT         NOT NULL,
    handled                       INT         NOT NULL,
    transfers                     INT         NOT NULL,
    answered_wait_ms              BIGINT      NOT NULL,
    longest_wait_ms               BIGINT      NOT NULL,
    talk_ms                       BIGINT      NOT NULL,
    wrap_up_ms                    BIGINT      NOT NULL,
    computed_at                   DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, slice_start, group_id, dimension, dim_key),
    CONSTRAINT ck_stats_call_slice_dimension CHECK (dimension IN ('G', 'A', 'N', 'D'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'replaced whole per (tenant, slice) by the slice worker and by recalculations';

CREATE TABLE stats_agent_slice (
    tenant_id        BIGINT      NOT NULL,
    slice_start      DATETIME    NOT NULL,
    agent_id         BIGINT      NOT NULL,
    ready_ms         BIGINT      NOT NULL,
    reserved_ms      BIGINT      NOT NULL,
    ringing_ms       BIGINT      NOT NULL,
    on_call_ms       BIGINT      NOT NULL,
    wrap_up_ms       BIGINT      NOT NULL,
    paused_ms        BIGINT      NOT NULL,
    paused_by_reason LONGTEXT    NOT NULL COMMENT 'JSON object: pause reason code -> milliseconds',
    computed_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, slice_start, agent_id),
    INDEX ix_stats_agent_slice_agent (tenant_id, agent_id, slice_start),
    CONSTRAINT ck_stats_agent_slice_reasons CHECK (JSON_VALID(paused_by_reason))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who keeps the slices: exactly one node holds the lease at a time; a survivor takes it over once
-- it has run out. Times are the database's (NOW(3)), so the nodes' clocks do not matter. The
-- watermarks say up to which recorded_at the raw events have been read.
CREATE TABLE stats_worker_lease (
    name            VARCHAR(32) NOT NULL,
    holder          VARCHAR(64) NULL     COMMENT 'jboss.node.name of the node that holds it',
    lease_until     DATETIME(3) NOT NULL,
    call_watermark  DATETIME(3) NOT NULL,
    agent_watermark DATETIME(3) NOT NULL,
    passes          BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stats_worker_lease (name, holder, lease_until, call_watermark, agent_watermark)
VALUES ('slices', NULL, '1970-01-01 00:00:00', '1970-01-01 00:00:00', '1970-01-01 00:00:00');

-- The worker finds what changed by when it reached the database.
ALTER TABLE call_event ADD INDEX ix_call_event_recorded (recorded_at);
ALTER TABLE agent_event ADD INDEX ix_agent_event_recorded (recorded_at), ADD INDEX ix_agent_event_call (call_id);
-- A disposition given after the call changes only the record.
ALTER TABLE call_record ADD INDEX ix_call_record_updated (updated_at);

-- A tenant's KPI definitions; the highest version is the current one. A tenant without a row uses
-- the standard definition as version 1.
CREATE TABLE kpi_definition (
    tenant_id                BIGINT      NOT NULL,
    version                  INT         NOT NULL,
    service_level_variant    VARCHAR(32) NOT NULL COMMENT 'ABANDONS_EXCLUDED, ABANDONS_AGAINST, ABANDONS_WITHIN_TARGET_FOR',
    short_abandons_excluded  BOOLEAN     NOT NULL,
    wrap_up_in_handle_time   BOOLEAN     NOT NULL,
    created_at               DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    created_by               VARCHAR(128) NOT NULL,
    PRIMARY KEY (tenant_id, version),
    CONSTRAINT fk_kpi_definition_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_kpi_definition_version CHECK (version >= 1),
    CONSTRAINT ck_kpi_definition_variant CHECK (service_level_variant IN ('ABANDONS_EXCLUDED', 'ABANDONS_AGAINST', 'ABANDONS_WITHIN_TARGET_FOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stats_recalculation (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id     BIGINT        NOT NULL,
    from_date     DATE          NOT NULL COMMENT 'in the tenant''s time zone, inclusive',
    to_date       DATE          NOT NULL COMMENT 'inclusive',
    state         VARCHAR(16)   NOT NULL COMMENT 'RUNNING, DONE, FAILED',
    slices_total  INT           NOT NULL,
    slices_done   INT           NOT NULL DEFAULT 0,
    failure       VARCHAR(1000) NULL,
    node          VARCHAR(64)   NOT NULL COMMENT 'the node that runs it',
    created_by    VARCHAR(128)  NOT NULL,
    created_at    DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at   DATETIME(3)   NULL,
    PRIMARY KEY (id),
    INDEX ix_stats_recalculation_tenant (tenant_id, id),
    CONSTRAINT fk_stats_recalculation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
