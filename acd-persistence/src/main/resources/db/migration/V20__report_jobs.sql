-- Long reports as jobs (issue 15): a report too big to wait for in the browser runs on a
-- stats-service node and lands as a file in storage-service (category reports), where the seed
-- keeps report files; the row tells its progress and the file's name.
CREATE TABLE stats_report_job (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    report           VARCHAR(16)   NOT NULL COMMENT 'calls, agent-states',
    parameters       VARCHAR(2000) NOT NULL COMMENT 'the report''s query string: from, to, period, by, group, kpiVersion, lang',
    format           VARCHAR(8)    NOT NULL COMMENT 'csv, xlsx, pdf',
    state            VARCHAR(16)   NOT NULL COMMENT 'RUNNING, DONE, FAILED',
    progress_percent INT           NOT NULL DEFAULT 0,
    rows_written     INT           NULL,
    file_name        VARCHAR(200)  NULL     COMMENT 'in storage-service, category reports, once DONE',
    file_size        BIGINT        NULL,
    failure          VARCHAR(1000) NULL,
    node             VARCHAR(64)   NOT NULL,
    created_by       VARCHAR(128)  NOT NULL,
    created_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at      DATETIME(3)   NULL,
    PRIMARY KEY (id),
    INDEX ix_stats_report_job_tenant (tenant_id, id),
    CONSTRAINT fk_stats_report_job_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_stats_report_job_progress CHECK (progress_percent BETWEEN 0 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
