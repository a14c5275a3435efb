-- Issue 16 (toll fraud): the external numbers a tenant's calls may be transferred to. Agents are
-- always allowed; an external number only when it matches one of these patterns (TransferNumbers).
-- NULL: none, the default of every tenant, so an existing installation dials no external number
-- by transfer until its operator lists the ones it wants.
ALTER TABLE tenant ADD COLUMN transfer_numbers VARCHAR(2000) NULL
    COMMENT 'space-separated patterns such as +4930* or +49301234xxx (x: one digit, *: any further digits); NULL: no external transfers';

-- Issue 16 (supervisors past their groups): storage-service answers a supervisor's request for a
-- recording or voicemail file only when the file belongs to a call of a group it supervises, found
-- by the file's name.
ALTER TABLE call_record
    ADD INDEX ix_call_record_tenant_recording (tenant_id, recording_file),
    ADD INDEX ix_call_record_tenant_voicemail (tenant_id, voicemail_file);
