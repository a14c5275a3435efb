-- Supervisors listen, whisper and barge in on their phone: the node calls it into the agent's call.
-- A supervisor's phone registers like an agent's (digest, same realm), but it is no agent: it takes
-- no calls, is in no group and has no state. Its SIP user name shares the one name space REGISTER
-- knows with the agents' (no REGISTER names a tenant); the registrar looks at agents first.
CREATE TABLE supervisor_phone (
    user_id      BIGINT      NOT NULL,
    tenant_id    BIGINT      NOT NULL,
    sip_username VARCHAR(64) NOT NULL COMMENT 'digest user name; unique across the installation, and no agent''s',
    sip_realm    VARCHAR(64) NOT NULL DEFAULT 'verbund',
    sip_ha1      CHAR(32)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'RFC 2617 HA1, password-equivalent, never log it',
    PRIMARY KEY (user_id),
    CONSTRAINT uk_supervisor_phone_sip_username UNIQUE (sip_username),
    CONSTRAINT fk_supervisor_phone_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_supervisor_phone_sip_ha1 CHECK (sip_ha1 REGEXP '^[0-9a-f]{32}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'the phone a supervisor listens in on';

-- Whether a caller hears a notice (system prompt supervision-notice) when a supervisor starts
-- listening in: some works councils and jurisdictions want it, others forbid nothing.
ALTER TABLE tenant ADD COLUMN supervision_notice BOOLEAN NOT NULL DEFAULT FALSE
    COMMENT 'the caller hears the supervision notice when a supervisor joins its call';
