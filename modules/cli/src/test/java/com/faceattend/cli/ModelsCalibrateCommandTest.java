package com.faceattend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.models.ModelRepository;
import com.faceattend.modeltools.quantize.ActivationRanges;
import com.faceattend.modeltools.quantize.QdqQuantizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceattend models calibrate}: a table a build can quantise with, from real photos. */
class ModelsCalibrateCommandTest {

    @Test
    void writesATablePinnedToTheFloatModelWithEveryQuantisedTensor(@TempDir Path tmp) throws Exception {
        Path table = tmp.resolve("fr_feature.ranges");
        Cli.Result r = Cli.run(tmp.resolve("data"), "models", "calibrate", "--embedder", "arcface-512",
                "--photos", Cli.data().resolve("faces94/identities").toString(), "--limit", "12", "--out", table.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("on 12 faces"), r.out());
        ActivationRanges read = ActivationRanges.read(table);
        byte[] floatModel = ModelRepository.bundled().read("fr_feature");
        assertEquals(ModelRepository.sha256(floatModel), read.modelSha256());
        assertEquals(QdqQuantizer.calibrationTensors(floatModel), List.copyOf(read.ranges().keySet()));
        assertEquals(12, read.samples());
        assertTrue(read.provenance().contains("identities"), read.provenance());
        // and it quantises: the int8 model a rebuild would make from it
        assertTrue(QdqQuantizer.quantize(floatModel, read).length < floatModel.length / 2);
    }

    @Test
    void anEmbedderWithoutAnInt8VariantIsNamedWithTheChoices(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("data"), "models", "calibrate", "--embedder", "nonesuch",
                "--photos", tmp.toString(), "--out", tmp.resolve("x.ranges").toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("'nonesuch' has no int8 variant") && r.err().contains("arcface-512"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("x.ranges")));
    }
}
