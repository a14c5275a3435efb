-- Real time (issue 15): the service level of the last 15 and 60 minutes counts the visits that
-- entered the queue in those minutes exactly, not whole slices. A visit keeps the moment it was
-- queued; rows written before this column existed have their slice's start, the nearest known.
ALTER TABLE stats_visit
    ADD COLUMN queued_at DATETIME(3) NULL COMMENT 'UTC, when the visit entered the queue' AFTER slice_start;
UPDATE stats_visit SET queued_at = slice_start WHERE queued_at IS NULL;
ALTER TABLE stats_visit MODIFY COLUMN queued_at DATETIME(3) NOT NULL COMMENT 'UTC, when the visit entered the queue';
