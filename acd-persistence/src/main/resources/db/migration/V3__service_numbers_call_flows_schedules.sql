-- Call flows (versioned graphs), opening hours with holidays, and the service numbers that lead
-- into a call flow.

CREATE TABLE call_flow (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    current_version INT          NULL COMMENT 'the version new calls run; NULL: never published. To delete a flow, set it to NULL first',
    created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version         INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_call_flow_name UNIQUE (tenant_id, name),
    CONSTRAINT uk_call_flow_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_call_flow_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE call_flow_version (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT      NOT NULL,
    call_flow_id BIGINT      NOT NULL,
    version      INT         NOT NULL COMMENT '1, 2, ... per call flow; a call keeps the version it started with',
    graph        LONGTEXT    NOT NULL COMMENT 'JSON {start, nodes:[{id, type, parameters, exits:{name: node id}}]}',
    created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    created_by   BIGINT      NULL COMMENT 'the user who published it; NULL: installed by the system',
    PRIMARY KEY (id),
    CONSTRAINT uk_call_flow_version UNIQUE (call_flow_id, version),
    CONSTRAINT fk_call_flow_version_flow FOREIGN KEY (tenant_id, call_flow_id) REFERENCES call_flow (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_call_flow_version_user FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT ck_call_flow_version_graph CHECK (JSON_VALID(graph)),
    CONSTRAINT ck_call_flow_version_version CHECK (version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'immutable: a change to a call flow is a new version, so running calls never see a half-edited graph';

ALTER TABLE call_flow
    ADD CONSTRAINT fk_call_flow_current_version
        FOREIGN KEY (id, current_version) REFERENCES call_flow_version (call_flow_id, version);

CREATE TABLE opening_hours (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL COMMENT 'unique within the tenant; call-flow opening_hours nodes name it',
    time_zone  VARCHAR(64)  NOT NULL DEFAULT 'Europe/Berlin' COMMENT 'IANA zone the intervals and holidays are read in',
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_opening_hours_name UNIQUE (tenant_id, name),
    CONSTRAINT uk_opening_hours_tenant_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_opening_hours_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'a weekly schedule with holidays; no intervals at all means always closed';

CREATE TABLE opening_hours_interval (
    id               BIGINT  NOT NULL AUTO_INCREMENT,
    opening_hours_id BIGINT  NOT NULL,
    day_of_week      TINYINT NOT NULL COMMENT 'ISO 8601: 1 Monday ... 7 Sunday',
    start_time       TIME    NOT NULL COMMENT 'inclusive',
    end_time         TIME    NOT NULL COMMENT 'exclusive; 24:00:00 means until midnight',
    PRIMARY KEY (id),
    CONSTRAINT uk_opening_hours_interval UNIQUE (opening_hours_id, day_of_week, start_time),
    CONSTRAINT fk_opening_hours_interval_hours FOREIGN KEY (opening_hours_id) REFERENCES opening_hours (id) ON DELETE CASCADE,
    CONSTRAINT ck_opening_hours_interval_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_opening_hours_interval_times CHECK (start_time >= '00:00:00' AND end_time <= '24:00:00' AND start_time < end_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE holiday (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    opening_hours_id BIGINT       NOT NULL,
    day              DATE         NOT NULL,
    name             VARCHAR(100) NOT NULL,
    closed_all_day   BOOLEAN      NOT NULL DEFAULT TRUE,
    open_from        TIME         NULL COMMENT 'when not closed all day: the only hours open that day',
    open_until       TIME         NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_holiday_day UNIQUE (opening_hours_id, day),
    CONSTRAINT fk_holiday_hours FOREIGN KEY (opening_hours_id) REFERENCES opening_hours (id) ON DELETE CASCADE,
    CONSTRAINT ck_holiday_hours CHECK (
        (closed_all_day AND open_from IS NULL AND open_until IS NULL)
        OR (NOT closed_all_day AND open_from IS NOT NULL AND open_until IS NOT NULL
            AND open_from < open_until AND open_until <= '24:00:00'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'days that override the weekly intervals';

CREATE TABLE service_number (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    number       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'E.164 with the plus, as the Request-URI user part carries it: +4930500100',
    call_flow_id BIGINT       NULL COMMENT 'NULL: the number belongs to the tenant but is not in service',
    label        VARCHAR(200) NOT NULL DEFAULT '',
    created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    version      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_service_number UNIQUE (number),
    INDEX ix_service_number_tenant (tenant_id, number),
    CONSTRAINT fk_service_number_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_service_number_call_flow FOREIGN KEY (tenant_id, call_flow_id) REFERENCES call_flow (tenant_id, id),
    CONSTRAINT ck_service_number_e164 CHECK (number REGEXP '^[+][1-9][0-9]{1,14}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'the numbers callers dial; the number alone identifies the tenant of an incoming call';
