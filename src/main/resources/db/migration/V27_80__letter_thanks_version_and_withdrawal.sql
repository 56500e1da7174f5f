-- A thank-you's version grows on every attach: the approve and reject forms carry the version they
-- showed and the review holds only for that one, so a note or picture swapped while the second
-- volunteer was looking is never approved unseen. An approved thank-you can be withdrawn (a face or
-- a name noticed later): it is then shown to no one but the volunteers, with who withdrew it and why.
ALTER TABLE letter_thanks
    ADD COLUMN version         integer NOT NULL DEFAULT 1,
    ADD COLUMN withdrawn_by    bigint REFERENCES app_user (id),
    ADD COLUMN withdrawn_at    timestamptz,
    ADD COLUMN withdraw_reason varchar(300);

ALTER TABLE letter_thanks DROP CONSTRAINT letter_thanks_status_check;
ALTER TABLE letter_thanks ADD CONSTRAINT letter_thanks_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
ALTER TABLE letter_thanks ADD CONSTRAINT letter_thanks_withdrawn_check
    CHECK ((status = 'WITHDRAWN') = (withdrawn_by IS NOT NULL AND withdrawn_at IS NOT NULL AND withdraw_reason IS NOT NULL));
-- what the volunteers of a region look back on: the thank-yous rejected there, until attached anew
CREATE INDEX letter_thanks_rejected_idx ON letter_thanks (reviewed_at) WHERE status = 'REJECTED';
