-- The writer numbers an agent's events now, with the moment of the change in microseconds (strictly
-- increasing per writer), and the insert is a plain one: the insert that continued the agent's
-- MAX(seq) cost the master four times a plain insert and stopped the rows from travelling in bulk,
-- which at a few hundred calls a second was the largest part of its load. Two writers (portal and
-- telephony) may number one agent's events alike in the same microsecond, so (agent_id, seq) is an
-- index for the readers' order, no longer unique; the event id keeps a repeated insert a no-op.
-- Rows from before keep their small numbers and sort before every new one.
ALTER TABLE agent_event
    ADD INDEX ix_agent_event_agent_seq (agent_id, seq),
    DROP INDEX uk_agent_event_seq,
    MODIFY COLUMN seq BIGINT NOT NULL COMMENT 'order in the agent''s history: the change''s moment in microseconds since 1970 as its writer numbered it (strictly increasing per writer); 1, 2, ... for rows written before V21';
