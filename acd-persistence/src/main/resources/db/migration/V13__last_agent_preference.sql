-- Last-agent preference (issue 14): a caller who talked to an agent of the group within
-- last_agent_days is offered to that agent first, for up to last_agent_seconds of its wait, then
-- the group's strategy decides. Looked up by the caller's number in the tenant's call records.

ALTER TABLE acd_group
    ADD COLUMN last_agent_days INT NULL COMMENT 'how far back a caller''s last agent counts; NULL: no last-agent preference' AFTER any_member_after_steps,
    ADD COLUMN last_agent_seconds INT NOT NULL DEFAULT 20 COMMENT 'how long the caller waits for its last agent before the strategy decides' AFTER last_agent_days,
    ADD CONSTRAINT ck_acd_group_last_agent CHECK ((last_agent_days IS NULL OR last_agent_days BETWEEN 1 AND 365)
        AND last_agent_seconds BETWEEN 1 AND 600);

CREATE INDEX ix_call_record_tenant_caller_received ON call_record (tenant_id, caller, received_at);
