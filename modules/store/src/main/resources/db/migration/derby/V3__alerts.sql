-- FaceAttend schema version 3: alert history and stranger groups (issue 5).
-- Same conventions as V1: TIMESTAMPs hold UTC, embeddings are little-endian float32 bytes, no photos.

-- A repeat stranger, recognised across visits by the running mean ("centroid") of their visits'
-- embeddings. Like stranger_event, the embedding is kept only until expires_at (extended on every
-- visit); then the whole group row is deleted and alerts keep only their history.
CREATE TABLE stranger_group (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    model_id    VARCHAR(128) NOT NULL,
    dimension   INT          NOT NULL,
    centroid    VARCHAR(32672) FOR BIT DATA NOT NULL,
    -- how many embeddings the centroid averages (visits and repeat sightings within a visit)
    members     INT          NOT NULL,
    visit_count INT          NOT NULL,
    first_seen  TIMESTAMP    NOT NULL,
    last_seen   TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    CONSTRAINT stranger_group_pk PRIMARY KEY (id),
    CONSTRAINT stranger_group_vector_ck CHECK (LENGTH(centroid) = 4 * dimension),
    CONSTRAINT stranger_group_counts_ck CHECK (members >= 1 AND visit_count >= 1)
);
CREATE INDEX stranger_group_model_ix ON stranger_group (model_id, expires_at);

CREATE TABLE alert (
    id                BIGINT GENERATED ALWAYS AS IDENTITY,
    kind              VARCHAR(16)  NOT NULL,
    event_time        TIMESTAMP    NOT NULL,
    station_id        BIGINT       NOT NULL,
    -- STRANGER: the group this visit joined (NULL once the group expired)
    stranger_group_id BIGINT,
    -- STRANGER: best similarity to any employee; SPOOF: similarity of the claimed employee (may be NULL)
    similarity        REAL,
    -- STRANGER: similarity to the group's centroid before this visit joined (NULL for a new group)
    group_similarity  REAL,
    -- SPOOF: the live score and the employee the face resembled
    live_score        REAL,
    claimed_employee  VARCHAR(64),
    -- name of the encrypted snapshot file (optional feature, off by default); the file expires on its own
    snapshot          VARCHAR(128),
    ack_time          TIMESTAMP,
    ack_actor         VARCHAR(128),
    ack_note          VARCHAR(2000),
    CONSTRAINT alert_pk PRIMARY KEY (id),
    CONSTRAINT alert_kind_ck CHECK (kind IN ('STRANGER', 'SPOOF')),
    CONSTRAINT alert_station_fk FOREIGN KEY (station_id) REFERENCES station (id),
    CONSTRAINT alert_group_fk FOREIGN KEY (stranger_group_id) REFERENCES stranger_group (id) ON DELETE SET NULL
);
-- the alerts panel: "newest first since T", "unacknowledged"
CREATE INDEX alert_time_ix ON alert (event_time);
CREATE INDEX alert_ack_ix ON alert (ack_time);
