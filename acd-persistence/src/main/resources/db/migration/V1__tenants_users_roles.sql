-- Tenants, portal users and their roles.
--
-- Conventions for every migration in this folder:
--  * InnoDB, utf8mb4 with utf8mb4_unicode_ci set on each table (the server default may be latin1).
--  * Ids are BIGINT AUTO_INCREMENT. The master-master pair runs with auto_increment_increment and
--    offsets, so ids are unique but neither dense nor ordered by time: never derive meaning from them.
--  * DATETIME(3) values are UTC. The database servers run with default_time_zone '+00:00', so the
--    CURRENT_TIMESTAMP defaults of created_at / updated_at are UTC too.
--  * Configuration tables carry version INT for optimistic locking (JPA @Version).
--  * Tables that other tenant-owned rows point to carry UNIQUE (tenant_id, id), and those rows point
--    to them with (tenant_id, x_id): the database itself refuses a link across two tenants.
--  * Enumerations are VARCHAR with a CHECK, so adding a value is one ALTER and JPA maps them by name.
--  * Machine keys (tenant_key, codes, SIP HA1, call ids) are ascii_bin: compared exactly, and their
--    REGEXP checks see case (under a _ci collation '^[a-z]' would also accept 'A').

CREATE TABLE tenant (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_key     VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'short stable name: login suffix (admin@demo), storage paths, logs',
    name           VARCHAR(200) NOT NULL,
    kind           VARCHAR(16)  NOT NULL DEFAULT 'TENANT',
    parent_id      BIGINT       NULL     COMMENT 'the reseller this tenant belongs to; NULL: directly under the platform',
    max_channels   INT          NULL     COMMENT 'concurrent calls the tenant may hold; NULL: no limit',
    time_zone      VARCHAR(64)  NOT NULL DEFAULT 'Europe/Berlin' COMMENT 'IANA zone for reports and opening hours without their own',
    default_locale VARCHAR(16)  NOT NULL DEFAULT 'de' COMMENT 'BCP 47 tag for users without their own locale',
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_tenant_key UNIQUE (tenant_key),
    CONSTRAINT fk_tenant_parent FOREIGN KEY (parent_id) REFERENCES tenant (id),
    CONSTRAINT ck_tenant_key CHECK (tenant_key REGEXP '^[a-z][a-z0-9-]{1,39}$'),
    CONSTRAINT ck_tenant_kind CHECK (kind IN ('SYSTEM', 'RESELLER', 'TENANT')),
    CONSTRAINT ck_tenant_system_is_root CHECK (kind <> 'SYSTEM' OR parent_id IS NULL),
    CONSTRAINT ck_tenant_max_channels CHECK (max_channels IS NULL OR max_channels >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'customers of the installation; SYSTEM is the platform itself, RESELLER tenants own other tenants';

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     BIGINT       NOT NULL,
    login         VARCHAR(120) NOT NULL COMMENT 'unique across the installation, e.g. admin@demo or sysadmin',
    password_hash VARCHAR(255) NOT NULL COMMENT 'io.verbund.acd.user.PasswordHash form: PBKDF2WithHmacSHA256:iterations:salt:hash',
    display_name  VARCHAR(200) NOT NULL,
    locale        VARCHAR(16)  NULL     COMMENT 'BCP 47 tag; NULL: the tenant default_locale',
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_login UNIQUE (login),
    CONSTRAINT uk_app_user_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_app_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_app_user_password_hash CHECK (password_hash LIKE 'PBKDF2WithHmacSHA256:%')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'people who log in to the portal or the API; an agent row links to its user';

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_role_role CHECK (role IN ('SYSTEM_ADMIN', 'RESELLER', 'TENANT_ADMIN', 'SUPERVISOR', 'AGENT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The platform itself: owner of the system administrators. Every installation has exactly this one.
INSERT INTO tenant (tenant_key, name, kind, default_locale)
VALUES ('system', 'Verbund ACD', 'SYSTEM', 'en');
