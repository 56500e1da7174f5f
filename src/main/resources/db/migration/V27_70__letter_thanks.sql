-- A thank-you from the child (a photo of a drawing, a short note, or both) after the gift was handed
-- over. The letter module owns it. One per letter: a rejected one is replaced by the next attached.
-- The volunteer who attached it never approves it (four eyes, also held here); only an approved one
-- is shown, to the letter's donor alone. Retention deletes it with the child's private data.
CREATE TABLE letter_thanks (
    letter_id     bigint PRIMARY KEY REFERENCES letter (id) ON DELETE CASCADE,
    note          varchar(500),
    image         bytea,
    status        varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    attached_by   bigint NOT NULL REFERENCES app_user (id),
    attached_at   timestamptz NOT NULL DEFAULT now(),
    reviewed_by   bigint REFERENCES app_user (id),
    reviewed_at   timestamptz,
    reject_reason varchar(300),
    CHECK (note IS NOT NULL OR image IS NOT NULL),
    CHECK ((status = 'PENDING') = (reviewed_by IS NULL)),
    CHECK (reviewed_by IS NULL OR reviewed_by <> attached_by)
);
-- The volunteers' list of thank-yous waiting for a second pair of eyes.
CREATE INDEX letter_thanks_pending_idx ON letter_thanks (attached_at) WHERE status = 'PENDING';
