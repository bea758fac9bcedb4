-- FaceAttend attendance store, schema version 1 (PostgreSQL; the same tables as db/migration/derby).
--
-- Conventions:
--  * Every TIMESTAMP column holds UTC wall-clock time. The application always binds values with a
--    UTC Calendar, never CURRENT_TIMESTAMP (that would be the server JVM's local time).
--  * Face templates are little-endian float32 arrays in BYTEA (the store keeps them within 32672 bytes,
--    i.e. up to 8168 dimensions). They live in their own table so that deleting a person and
--    compressing that one table really removes the bytes from disk.
--  * No photos or face crops are stored anywhere.

CREATE TABLE employee (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY,
    code                VARCHAR(64)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    department          VARCHAR(200),
    consent_recorded_at TIMESTAMP,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMP    NOT NULL,
    CONSTRAINT employee_pk PRIMARY KEY (id),
    CONSTRAINT employee_code_uq UNIQUE (code)
);

CREATE TABLE face_template (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    employee_id BIGINT       NOT NULL,
    model_id    VARCHAR(128) NOT NULL,
    dimension   INT          NOT NULL,
    vector      BYTEA NOT NULL,
    quality     REAL         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT face_template_pk PRIMARY KEY (id),
    CONSTRAINT face_template_employee_fk FOREIGN KEY (employee_id)
        REFERENCES employee (id) ON DELETE CASCADE,
    CONSTRAINT face_template_dimension_ck CHECK (dimension > 0),
    CONSTRAINT face_template_vector_ck CHECK (LENGTH(vector) = 4 * dimension)
);
-- the recogniser loads all templates of one model at start-up
CREATE INDEX face_template_model_ix ON face_template (model_id);

CREATE TABLE station (
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    name       VARCHAR(128) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT station_pk PRIMARY KEY (id),
    CONSTRAINT station_name_uq UNIQUE (name)
);

CREATE TABLE attendance_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    employee_id BIGINT      NOT NULL,
    station_id  BIGINT      NOT NULL,
    event_time  TIMESTAMP   NOT NULL,
    direction   VARCHAR(3)  NOT NULL,
    similarity  REAL,
    live_score  REAL,
    -- 'camera' for recognised passes; manual corrections will use another value
    source      VARCHAR(16) NOT NULL DEFAULT 'camera',
    CONSTRAINT attendance_event_pk PRIMARY KEY (id),
    CONSTRAINT attendance_event_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT attendance_event_station_fk FOREIGN KEY (station_id) REFERENCES station (id),
    CONSTRAINT attendance_event_direction_ck CHECK (direction IN ('IN', 'OUT'))
);
-- reports: "everything between two instants" and "one person's passes, latest first"
CREATE INDEX attendance_event_time_ix ON attendance_event (event_time);
CREATE INDEX attendance_event_employee_time_ix ON attendance_event (employee_id, event_time);

CREATE TABLE stranger_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    station_id      BIGINT       NOT NULL,
    event_time      TIMESTAMP    NOT NULL,
    best_similarity REAL,
    model_id        VARCHAR(128),
    -- kept only until expires_at, to group repeat visits; NULL once not wanted
    embedding       BYTEA,
    expires_at      TIMESTAMP,
    CONSTRAINT stranger_event_pk PRIMARY KEY (id),
    CONSTRAINT stranger_event_station_fk FOREIGN KEY (station_id) REFERENCES station (id)
);
CREATE INDEX stranger_event_time_ix ON stranger_event (event_time);
CREATE INDEX stranger_event_expires_ix ON stranger_event (expires_at);

CREATE TABLE audit_log (
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    event_time TIMESTAMP     NOT NULL,
    actor      VARCHAR(128)  NOT NULL,
    action     VARCHAR(64)   NOT NULL,
    detail     VARCHAR(2000),
    CONSTRAINT audit_log_pk PRIMARY KEY (id)
);
CREATE INDEX audit_log_time_ix ON audit_log (event_time);
