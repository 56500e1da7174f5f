-- The ASAN service centres a volunteer works at (issue 22): the desk of a centre receives every gift
-- a donor brings there, whatever the child's region; regions keep deciding whose private data a
-- volunteer sees. Owned by the handover module.
CREATE TABLE volunteer_handover_point (
    user_id           bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    handover_point_id bigint NOT NULL REFERENCES handover_point (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, handover_point_id)
);

-- The desk of a centre reads the gifts expected and received there, across all regions.
CREATE INDEX letter_handover_point_desk_idx ON letter (handover_point_id, status)
    WHERE status IN ('ADOPTED', 'GIFT_RECEIVED');
