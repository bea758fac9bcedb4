-- Issue 13: every event a station produces carries a globally unique id (a UUID made at the
-- station, 36 characters). A station writes each event to its own journal first and forwards it
-- later, perhaps more than once (a crash between the central commit and the journal's "delivered"
-- mark); the UNIQUE constraints make such a replay harmless: the second insert finds the id (or hits
-- the constraint) and counts as delivered. Rows written before V7, and events entered without a
-- station (manual corrections), have no id: NULL, which a UNIQUE constraint allows many times on both
-- Derby and PostgreSQL.
ALTER TABLE attendance_event ADD COLUMN event_id CHAR(36);
ALTER TABLE attendance_event ADD CONSTRAINT attendance_event_event_id_uq UNIQUE (event_id);

ALTER TABLE stranger_event ADD COLUMN event_id CHAR(36);
ALTER TABLE stranger_event ADD CONSTRAINT stranger_event_event_id_uq UNIQUE (event_id);

-- a STRANGER alert carries the id of the sighting that raised it, a SPOOF alert its own event's id
ALTER TABLE alert ADD COLUMN event_id CHAR(36);
ALTER TABLE alert ADD CONSTRAINT alert_event_id_uq UNIQUE (event_id);
