-- Issue 17 (callbacks): a caller may choose, at a call flow's callback node, to be called back and
-- keep its place in the queue. Each group says how often a number that does not answer is tried
-- again, how long after a failed attempt, and how old a callback may grow before the group gives up.
-- A callback's record is told apart by direction 'CALLBACK' (the column has no CHECK) with the number
-- in dialled_number; one the group gave up on ends with outcome 'CALLBACK_FAILED'.
ALTER TABLE acd_group
    ADD COLUMN callback_max_attempts TINYINT NOT NULL DEFAULT 3 COMMENT 'how often a callback''s number is dialled at most (1 to 10)',
    ADD COLUMN callback_retry_seconds INT NOT NULL DEFAULT 120 COMMENT 'how long a failed callback waits before it is offered again',
    ADD COLUMN callback_max_age_minutes INT NOT NULL DEFAULT 240 COMMENT 'how long after the caller asked the group still tries',
    ADD CONSTRAINT ck_acd_group_callback_max_attempts CHECK (callback_max_attempts BETWEEN 1 AND 10),
    ADD CONSTRAINT ck_acd_group_callback_retry CHECK (callback_retry_seconds BETWEEN 0 AND 86400),
    ADD CONSTRAINT ck_acd_group_callback_max_age CHECK (callback_max_age_minutes BETWEEN 1 AND 10080);
