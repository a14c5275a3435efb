-- Issue 17 (outbound calls): an agent's click-to-dial and POST /calls place calls out through the
-- trunk. Their records say so and name the number dialled; the tenant presents its own caller ID.
-- Every existing record came in: the default keeps them INBOUND.
ALTER TABLE call_record
    ADD COLUMN direction VARCHAR(8) NOT NULL DEFAULT 'INBOUND'
        COMMENT 'INBOUND: a caller dialled a service number; OUTBOUND: an agent placed the call. Deliberately no CHECK, like outcome',
    ADD COLUMN dialled_number VARCHAR(16) NULL COMMENT 'OUTBOUND: the number the agent called, E.164';

ALTER TABLE tenant ADD COLUMN outbound_caller_id VARCHAR(16) NULL
    COMMENT 'E.164 number presented in From on outbound calls; NULL: the tenant places no outbound calls';
