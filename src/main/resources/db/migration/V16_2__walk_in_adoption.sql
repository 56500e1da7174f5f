-- Walk-in adoption: a citizen takes a tag off a centre's paper tree and a volunteer records the
-- adoption at the desk. The walk-in donor has no account: their name and phone stay on the letter,
-- seen by volunteers and staff only, and are anonymised by retention like the child's data.
ALTER TABLE letter ADD COLUMN walk_in boolean NOT NULL DEFAULT false;
ALTER TABLE letter ADD COLUMN walk_in_name varchar(120);
ALTER TABLE letter ADD COLUMN walk_in_phone varchar(40);
ALTER TABLE letter ADD COLUMN walk_in_point_id bigint REFERENCES handover_point (id);
ALTER TABLE letter ADD COLUMN walk_in_by bigint REFERENCES app_user (id);

-- A taken letter has a donor: an account, or a walk-in donor recorded at a centre.
DO $$
DECLARE
    name text;
BEGIN
    SELECT conname INTO name FROM pg_constraint
    WHERE conrelid = 'letter'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%donor_id IS NOT NULL%';
    IF name IS NOT NULL THEN
        EXECUTE format('ALTER TABLE letter DROP CONSTRAINT %I', name);
    END IF;
END $$;
ALTER TABLE letter ADD CONSTRAINT letter_taken_has_donor
    CHECK (status NOT IN ('ADOPTED', 'GIFT_RECEIVED') OR donor_id IS NOT NULL OR walk_in);
CREATE INDEX letter_walk_in_idx ON letter (walk_in_point_id) WHERE walk_in;
