package com.faceattend.fleet.journal;

import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.Embedding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The journal's byte form of the SDK's event records: a version byte, the kind, then the record's
 * fields in order. Written here, not by Java serialisation, so the SDK records stay as they are and
 * an old journal stays readable after an update (a new field means a new version byte).
 */
final class EventCodec {
    private static final byte VERSION = 1;
    private static final byte RECOGNISED = 1;
    private static final byte STRANGER = 2;
    private static final byte SPOOF = 3;

    private EventCodec() {
    }

    static String kind(AttendanceEvent e) {
        return switch (e) {
            case AttendanceEvent.PersonRecognized p -> "ATTENDANCE";
            case AttendanceEvent.StrangerSeen s -> "STRANGER";
            case AttendanceEvent.SpoofSuspected s -> "SPOOF";
        };
    }

    static byte[] encode(AttendanceEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            switch (event) {
                case AttendanceEvent.PersonRecognized p -> {
                    head(out, RECOGNISED, p);
                    out.writeUTF(p.employeeCode());
                    nullable(out, p.employeeName());
                    out.writeUTF(p.direction().name());
                    out.writeFloat(p.similarity());
                    out.writeFloat(p.liveScore());
                }
                case AttendanceEvent.StrangerSeen s -> {
                    head(out, STRANGER, s);
                    out.writeFloat(s.bestSimilarity());
                    out.writeBoolean(s.embedding() != null);
                    if (s.embedding() != null) {
                        out.writeUTF(s.embedding().modelId());
                        float[] v = s.embedding().vector();
                        out.writeInt(v.length);
                        for (float f : v) {
                            out.writeFloat(f);
                        }
                    }
                }
                case AttendanceEvent.SpoofSuspected s -> {
                    head(out, SPOOF, s);
                    nullable(out, s.claimedEmployeeCode());
                    out.writeFloat(s.liveScore());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static AttendanceEvent decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("journal entry of unknown version " + version);
            }
            byte kind = in.readByte();
            Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String station = in.readUTF();
            return switch (kind) {
                case RECOGNISED -> new AttendanceEvent.PersonRecognized(time, station, in.readUTF(), nullable(in),
                        AttendanceEvent.Direction.valueOf(in.readUTF()), in.readFloat(), in.readFloat());
                case STRANGER -> {
                    float best = in.readFloat();
                    Embedding embedding = null;
                    if (in.readBoolean()) {
                        String model = in.readUTF();
                        float[] v = new float[in.readInt()];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = in.readFloat();
                        }
                        embedding = new Embedding(model, v);
                    }
                    yield new AttendanceEvent.StrangerSeen(time, station, best, embedding);
                }
                case SPOOF -> new AttendanceEvent.SpoofSuspected(time, station, nullable(in), in.readFloat());
                default -> throw new IllegalArgumentException("journal entry of unknown kind " + kind);
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated journal entry (" + e + ")", e);
        }
    }

    private static void head(DataOutputStream out, byte kind, AttendanceEvent e) throws IOException {
        out.writeByte(kind);
        out.writeLong(e.time().getEpochSecond());
        out.writeInt(e.time().getNano());
        out.writeUTF(e.station());
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
