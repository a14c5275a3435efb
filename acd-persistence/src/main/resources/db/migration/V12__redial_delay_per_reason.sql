-- A redial delay per reason the agent's phone did not take an offer (issue 14): redial_delay_seconds
-- stays the delay after a no-answer; a busy phone, a refusal and a phone whose registration was
-- gone get their own. Existing groups keep their one delay for every reason.

ALTER TABLE acd_group
    MODIFY COLUMN redial_delay_seconds INT NOT NULL DEFAULT 2 COMMENT 'after an offer the phone let ring out (408, 480): the agent gets no offer for this long',
    ADD COLUMN redial_delay_busy_seconds INT NULL COMMENT 'after a busy phone (486, 600); NULL: redial_delay_seconds' AFTER redial_delay_seconds,
    ADD COLUMN redial_delay_rejected_seconds INT NULL COMMENT 'after a refusal (603 and other final answers); NULL: redial_delay_seconds' AFTER redial_delay_busy_seconds,
    ADD COLUMN redial_delay_unregistered_seconds INT NULL COMMENT 'after an offer that could not ring the phone (registration gone); NULL: redial_delay_seconds' AFTER redial_delay_rejected_seconds,
    ADD CONSTRAINT ck_acd_group_redial_delays CHECK (COALESCE(redial_delay_busy_seconds, 0) >= 0
        AND COALESCE(redial_delay_rejected_seconds, 0) >= 0 AND COALESCE(redial_delay_unregistered_seconds, 0) >= 0);
