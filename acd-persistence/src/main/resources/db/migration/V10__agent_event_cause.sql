-- Agent leases and forced states (issue 13): an agent's history says why a change happened when no
-- person asked for it in the usual way (the call path released the agent: its call's node left,
-- the call is gone, its phone unregistered, the caller never acknowledged the answer), and who
-- forced it when a supervisor or admin moved the agent whatever it was doing: the audit trail of
-- forced changes.

ALTER TABLE agent_event
    ADD COLUMN cause VARCHAR(32) NULL
        COMMENT 'why, when not the agent itself: FORCED, NODE_LEFT, CALL_GONE, PHONE_UNREGISTERED, ACK_NOT_RECEIVED; NULL: asked by the agent or the call path as usual'
        AFTER call_id,
    ADD COLUMN changed_by VARCHAR(190) NULL
        COMMENT 'login of the person who forced the change; NULL: the agent or the ACD itself'
        AFTER cause;
