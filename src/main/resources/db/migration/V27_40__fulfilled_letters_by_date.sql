-- The open feed of wishes fulfilled (/impact/fulfilled.atom) reads the latest fulfilled letters before
-- a day: a walk down this partial index, however many letters the program has fulfilled.
CREATE INDEX letter_fulfilled_on_idx ON letter (fulfilled_on DESC, id DESC) WHERE status = 'FULFILLED';
