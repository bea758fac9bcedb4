-- Issue 13: many stations, one store. Portable SQL (Derby and PostgreSQL).
--
-- gallery_change: one row per committed change to what recognition needs of a person (enrolment,
-- template deletion, deletion, (de)activation, consent recorded or withdrawn), written in the
-- change's own transaction. Running stations poll it (seq > the last one they applied) and reload
-- that person, so a change made at any desk reaches every station without a restart.
-- seq comes from gallery_change_counter, not from an identity column: the UPDATE of its one row
-- holds a row lock until commit, so changes commit in seq order and a station that has read up to
-- seq N can never later find a smaller one (identity values may commit out of order).
CREATE TABLE gallery_change_counter (
    id        SMALLINT NOT NULL,
    last_seq  BIGINT   NOT NULL,
    CONSTRAINT gallery_change_counter_pk PRIMARY KEY (id)
);
INSERT INTO gallery_change_counter (id, last_seq) VALUES (1, 0);

CREATE TABLE gallery_change (
    seq            BIGINT       NOT NULL,
    employee_code  VARCHAR(64)  NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    changed_at     TIMESTAMP    NOT NULL,
    CONSTRAINT gallery_change_pk PRIMARY KEY (seq)
);

-- station_heartbeat: each running station's state, rewritten every few seconds by the station.
-- frame rate in hundredths of a frame per second (portable integer types only).
CREATE TABLE station_heartbeat (
    station_name   VARCHAR(128) NOT NULL,
    host           VARCHAR(255) NOT NULL,
    started_at     TIMESTAMP    NOT NULL,
    last_beat      TIMESTAMP    NOT NULL,
    interval_ms    INTEGER      NOT NULL,
    events_today   INTEGER      NOT NULL,
    backlog        INTEGER      NOT NULL,
    fps_centi      INTEGER      NOT NULL,
    version        VARCHAR(64)  NOT NULL,
    gallery_seq    BIGINT       NOT NULL,
    CONSTRAINT station_heartbeat_pk PRIMARY KEY (station_name)
);
