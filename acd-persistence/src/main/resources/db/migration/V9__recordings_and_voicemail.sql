-- Media (issue 6): a group that records may first tell the caller so (many jurisdictions require
-- it); a call record names its recording or voicemail file in storage-service, so a supervisor
-- finds it from the call.

ALTER TABLE acd_group
    ADD COLUMN recording_notice BOOLEAN NOT NULL DEFAULT TRUE
        COMMENT 'play "this call may be recorded" to the caller before a recorded call is connected'
        AFTER recording;

ALTER TABLE call_record
    ADD COLUMN recording_file VARCHAR(255) NULL
        COMMENT 'file name in storage-service (category recordings) of the two-channel recording; NULL: not recorded'
        AFTER disposition,
    ADD COLUMN voicemail_file VARCHAR(255) NULL
        COMMENT 'file name in storage-service (category voicemail) of the message the caller left; NULL: none'
        AFTER recording_file;
