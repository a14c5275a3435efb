-- Answer on queue: the node answers the caller (200) the moment it first plays it anything
-- (announcement, menu, queue) instead of early media (183). For trunks that cut early media after a
-- while, and because only a confirmed dialog can move to another node with a re-INVITE when its
-- node is lost (RFC 3261 14.1: no re-INVITE in an early dialog). The caller pays from the answer.
ALTER TABLE service_number ADD COLUMN answer_on_queue BOOLEAN NOT NULL DEFAULT FALSE
    COMMENT 'TRUE: answered (200) as the flow first plays audio; FALSE: early media (183) until an agent answers';
