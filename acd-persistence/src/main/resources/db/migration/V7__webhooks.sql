-- Webhooks: a tenant's integrations told of its events by HTTP POST, signed, with retries.

CREATE TABLE webhook (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id       BIGINT        NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    url             VARCHAR(2000) NOT NULL COMMENT 'http or https; events are POSTed here as JSON',
    secret          VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'HMAC-SHA256 key of the X-Verbund-Signature header; shown once when created, never logged',
    events          VARCHAR(400)  NOT NULL COMMENT 'space-separated event names (agent-state queue call config help-request alarm), or * for all',
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    last_status     VARCHAR(200)  NULL     COMMENT 'outcome of the last delivery: HTTP status or the failure, for the admin',
    last_attempt_at DATETIME(3)   NULL,
    created_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version         INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_webhook_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_webhook_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_webhook_url CHECK (url REGEXP '^https?://')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'the source concept''s multichannel event distribution, for integrators';
