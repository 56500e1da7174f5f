-- Pen test 2, item 4: spring_session.session_id holds a keyed hash (HMAC-SHA256, hex) of the id the
-- cookie carries, never the id itself (system.SessionStore). The key is made once here, from
-- PostgreSQL's strong random source, so every node on this database agrees on it. Sessions stored so
-- far held their ids as they are: they end (everyone signs in again).
DELETE FROM spring_session;
ALTER TABLE spring_session ALTER COLUMN session_id TYPE varchar(64);

CREATE TABLE session_id_key (
    id     smallint PRIMARY KEY CHECK (id = 1),
    secret text NOT NULL
);
INSERT INTO session_id_key (id, secret)
VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
