-- Writes the master refused (issue 15): each node journals its call records, call events and agent
-- events and drains them to the master in batches; a row the database refuses for good (a
-- constraint, a value too long) is kept here with the reason, so it neither blocks the rows after
-- it nor is lost. An operator can read, fix and replay it. No foreign keys: it must take anything.

CREATE TABLE event_dead_letter (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    source     VARCHAR(32)   NOT NULL COMMENT 'the journal it came from: call-records, agent-events',
    kind       VARCHAR(32)   NOT NULL COMMENT 'the statement it was for, e.g. EVENT, RECORD, ENDED',
    payload    LONGTEXT      NOT NULL COMMENT 'JSON array of the statement''s parameters, times as ISO-8601 UTC',
    reason     VARCHAR(1000) NOT NULL COMMENT 'what the database answered',
    failed_at  DATETIME(3)   NOT NULL,
    node       VARCHAR(64)   NOT NULL COMMENT 'cluster node (jboss.node.name) whose journal held it',
    position   VARCHAR(80)   NOT NULL COMMENT 'journal-id/segment:offset: names the entry for good, so a redelivered one is a no-op',
    PRIMARY KEY (id),
    CONSTRAINT uk_event_dead_letter_entry UNIQUE (source, position),
    INDEX ix_event_dead_letter_failed (failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Agent events now reach the master from the journal, possibly twice after a crash: the event's
-- own id, made when the change was accepted, makes the second insert a no-op. NULL for the rows
-- written before.
ALTER TABLE agent_event
    ADD COLUMN event_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'UUID made when the change was accepted; NULL before V16' AFTER seq,
    ADD CONSTRAINT uk_agent_event_event_id UNIQUE (event_id);
