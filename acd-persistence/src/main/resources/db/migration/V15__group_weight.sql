-- Group weight (issue 14): an agent in several groups takes the best caller waiting in any of them;
-- a caller's time in queue counts times its group's weight against the other groups' callers (at
-- equal priority). 1: as it is; 2: double; 0: only when no caller of the same priority waits elsewhere.

ALTER TABLE acd_group
    ADD COLUMN weight DECIMAL(4, 2) NOT NULL DEFAULT 1.00 COMMENT 'how much a caller''s wait counts against other groups'' callers (0 to 10)' AFTER last_agent_seconds,
    ADD CONSTRAINT ck_acd_group_weight CHECK (weight BETWEEN 0 AND 10);
