-- Wrap-up extension (issue 14): an agent in wrap-up may take more time, up to
-- wrap_up_extension_seconds in total per call; 0 (every existing group) allows none. Each extension
-- is in the agent's history: state WRAP_UP, cause WRAP_UP_EXTENDED, and the seconds it added.

ALTER TABLE acd_group
    ADD COLUMN wrap_up_extension_seconds INT NOT NULL DEFAULT 0
        COMMENT 'how much longer in total an agent may extend its wrap-up of one call; 0: not at all' AFTER wrap_up_seconds,
    ADD CONSTRAINT ck_acd_group_wrap_up_extension CHECK (wrap_up_extension_seconds BETWEEN 0 AND 3600);

ALTER TABLE agent_event
    MODIFY COLUMN cause VARCHAR(32) NULL
        COMMENT 'why, when not the agent itself: FORCED, NODE_LEFT, CALL_GONE, PHONE_UNREGISTERED, ACK_NOT_RECEIVED, PAUSE_LIMIT, WRAP_UP_EXTENDED; NULL: asked by the agent or the call path as usual',
    ADD COLUMN extended_seconds INT NULL
        COMMENT 'with cause WRAP_UP_EXTENDED: the seconds the agent added to its wrap-up' AFTER changed_by;
