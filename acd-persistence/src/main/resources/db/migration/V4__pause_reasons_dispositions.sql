-- Why an agent is paused, and how an agent classifies a finished call.

CREATE TABLE pause_reason (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id      BIGINT       NOT NULL,
    code           VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'stable key stored in agent events; the label may change',
    label          VARCHAR(100) NOT NULL,
    paid           BOOLEAN      NOT NULL DEFAULT TRUE COMMENT 'counts as working time in agent reports',
    max_seconds    INT          NULL     COMMENT 'supervisors are alerted after this long; NULL: no limit',
    set_by_system  BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'only the system enters it (NO_ANSWER); agents cannot choose it',
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_pause_reason_code UNIQUE (tenant_id, code),
    CONSTRAINT fk_pause_reason_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_pause_reason_code CHECK (code REGEXP '^[A-Z][A-Z0-9_]*$'),
    CONSTRAINT ck_pause_reason_max_seconds CHECK (max_seconds IS NULL OR max_seconds > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE disposition (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    code       VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'stable key stored in call records; the label may change',
    label      VARCHAR(100) NOT NULL,
    group_id   BIGINT       NULL     COMMENT 'offered only for calls of this group; NULL: for every group of the tenant',
    enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_disposition_code UNIQUE (tenant_id, code),
    INDEX ix_disposition_group (tenant_id, group_id),
    CONSTRAINT fk_disposition_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_disposition_group FOREIGN KEY (tenant_id, group_id) REFERENCES acd_group (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_disposition_code CHECK (code REGEXP '^[A-Z][A-Z0-9_]*$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'wrap-up codes an agent gives a call (with forced_disposition, before the next call)';
