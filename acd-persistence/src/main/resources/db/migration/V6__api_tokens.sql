-- API tokens: how integrators reach one tenant's API without a person's password.

CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL COMMENT 'what the integrator calls it, unique within the tenant',
    token_prefix CHAR(12)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the first characters of the token (vbd_ + 8), shown in lists so a token can be recognised',
    token_hash   CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'lower-case hex SHA-256 of the whole token; the token itself is shown once and never stored',
    scopes       VARCHAR(400) NOT NULL COMMENT 'space-separated, e.g. "config:read agents:write"',
    created_by   BIGINT       NULL     COMMENT 'the tenant admin who created it; requests made with it act in that user''s name',
    expires_at   DATETIME(3)  NULL     COMMENT 'NULL: until revoked',
    revoked_at   DATETIME(3)  NULL,
    last_used_at DATETIME(3)  NULL     COMMENT 'updated at most once a minute',
    created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT uk_api_token_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_api_token_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_api_token_user FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id),
    CONSTRAINT ck_api_token_hash CHECK (token_hash REGEXP '^[0-9a-f]{64}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'integrators'' bearer tokens, one tenant each, limited by scopes';
