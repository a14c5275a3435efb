-- A link into the tenant's CRM for the caller of a call, per ACD group (groups may serve different
-- customers and systems): the agent desktop shows it with the incoming call.

ALTER TABLE acd_group
    ADD COLUMN crm_url_template VARCHAR(1000) NULL
        COMMENT 'http(s) URL with {caller}, {serviceNumber} and {callId} filled in (URL-encoded) for each call; NULL: no link'
        AFTER recording;
