-- Routing that tenants configure (issue 14): eight strategies, member order for linear and round
-- robin, and skill steps on top of the skills a group always requires (group_skill_requirement is
-- that minimum, enforced whatever the wait).

ALTER TABLE acd_group DROP CONSTRAINT ck_acd_group_strategy;
-- The old name LEAST_CALLS is the "fewest calls today" strategy.
UPDATE acd_group SET strategy = 'FEWEST_CALLS' WHERE strategy = 'LEAST_CALLS';
ALTER TABLE acd_group
    MODIFY COLUMN strategy VARCHAR(16) NOT NULL DEFAULT 'LONGEST_IDLE' COMMENT 'how the routing engine orders the eligible members',
    ADD CONSTRAINT ck_acd_group_strategy CHECK (strategy IN ('LONGEST_IDLE', 'ROUND_ROBIN', 'RING_ALL', 'FEWEST_CALLS',
        'LEAST_TALK_TIME', 'RANDOM', 'LINEAR', 'SKILLS_BASED')),
    ADD COLUMN skill_steps TEXT NULL
        COMMENT 'JSON list of steps [{"conditions":[{"skill":"Sales","minProficiency":3}],"durationSeconds":30}], applied by the caller''s wait on top of the minimum (group_skill_requirement); NULL: none'
        AFTER short_abandon_seconds,
    ADD COLUMN any_member_after_steps BOOLEAN NOT NULL DEFAULT FALSE
        COMMENT 'after the last step any member meeting the minimum may take the call'
        AFTER skill_steps;

-- A group's members in the order an admin lists them: LINEAR offers in this order, ROUND_ROBIN goes round it.
ALTER TABLE group_membership
    ADD COLUMN position INT NOT NULL DEFAULT 0 COMMENT 'place in the group''s member list, from 0' AFTER penalty;
UPDATE group_membership m
    JOIN (SELECT group_id, agent_id, ROW_NUMBER() OVER (PARTITION BY group_id ORDER BY agent_id) - 1 AS place
          FROM group_membership) ordered ON ordered.group_id = m.group_id AND ordered.agent_id = m.agent_id
    SET m.position = ordered.place;
