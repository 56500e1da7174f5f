-- The volunteer's desk lists the letters sent back to the person who registered them on every visit
-- (issue 17): without an index it read every incomplete letter of the person's regions.
CREATE INDEX IF NOT EXISTS letter_sent_back_idx ON letter (registered_by, created_at, id) WHERE status = 'INCOMPLETE';
