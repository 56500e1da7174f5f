-- Owned by the letter module (issue 27.2). An organisation may reserve letters on the tree for its
-- team until reserved_until: they stay PUBLISHED but leave the free tree, and only the organisation
-- (through its employees) can adopt them. A letter adopted by an employee for the organisation has the
-- organisation as donor_id and the employee in taken_by.
ALTER TABLE letter
    ADD COLUMN reserved_for   bigint REFERENCES app_user (id) ON DELETE SET NULL,
    ADD COLUMN reserved_until timestamptz,
    ADD COLUMN taken_by       bigint REFERENCES app_user (id) ON DELETE SET NULL,
    ADD CONSTRAINT letter_reservation_whole CHECK ((reserved_for IS NULL) = (reserved_until IS NULL));

-- an organisation's pool, and the expiry job's walk over reservations by their end
CREATE INDEX letter_reserved_for_idx ON letter (reserved_for) WHERE reserved_for IS NOT NULL;
CREATE INDEX letter_reserved_until_idx ON letter (reserved_until) WHERE reserved_until IS NOT NULL;
