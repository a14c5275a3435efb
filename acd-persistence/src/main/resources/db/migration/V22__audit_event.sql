-- The audit log (issue 16): who changed which configuration or security setting, when, from
-- where, in which tenant. Rows arrive through each web-portal node's journal (audit-<service>), so
-- event_id makes a redelivered entry a no-op. Append-only: no code path updates or deletes a row,
-- and there is no foreign key to tenant, so an entry outlives what it talks about.
CREATE TABLE audit_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    event_id      CHAR(36)      NOT NULL COMMENT 'made by the recording node; a repeated journal entry inserts nothing',
    tenant_id     BIGINT        NOT NULL COMMENT 'the tenant whose configuration changed (not necessarily the actor''s)',
    occurred_at   DATETIME(3)   NOT NULL,
    actor_kind    VARCHAR(16)   NOT NULL COMMENT 'USER, TOKEN, SERVICE, SYSTEM',
    actor_id      BIGINT        NULL     COMMENT 'app_user.id (for a token: the user who made it)',
    actor_name    VARCHAR(200)  NOT NULL COMMENT 'login, or token:<name>',
    actor_roles   VARCHAR(200)  NOT NULL,
    actor_tenant_id BIGINT      NULL     COMMENT 'the actor''s own tenant, when it differs from tenant_id (a system admin)',
    client_address VARCHAR(64)  NULL,
    entity_type   VARCHAR(40)   NOT NULL COMMENT 'group, user, api-token, caller-data, login, ...',
    entity_id     VARCHAR(200)  NULL,
    action        VARCHAR(16)   NOT NULL COMMENT 'CREATED, CHANGED, DELETED, SECURITY',
    summary       VARCHAR(4000) NOT NULL DEFAULT '{}' COMMENT 'compact JSON of what changed; never secrets',
    node          VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_audit_event_event (event_id),
    INDEX ix_audit_event_tenant_time (tenant_id, occurred_at),
    INDEX ix_audit_event_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
