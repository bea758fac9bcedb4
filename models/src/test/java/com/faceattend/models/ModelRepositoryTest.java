package com.faceattend.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.spi.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {

    @Test
    void everyLockedModelIsBundledAndMatchesItsChecksum() {
        ModelRepository repo = ModelRepository.bundled();
        assertTrue(repo.models().size() >= 4, "models.lock lists the detector, landmarks, embedder and liveness");
        for (ModelFile model : repo.models()) {
            byte[] bytes = repo.read(model.name());
            assertEquals(model.sha256(), ModelRepository.sha256(bytes), model.name());
            assertTrue(bytes.length > 20_000, model.name() + " is a real model, not a placeholder"); // P-Net is 32 kB
        }
    }

    @Test
    void aSwappedModelFileIsNamedNotUsed(@TempDir Path dir) throws Exception {
        // A user copies the landmark model over the embedder: the checksum must catch it.
        Files.write(dir.resolve("fr_feature.onnx"), ModelRepository.bundled().read("fr_landmark"));
        ModelRepository repo = new ModelRepository(Optional.of(dir));
        ProviderException e = assertThrows(ProviderException.class, () -> repo.read("fr_feature"));
        assertTrue(e.getMessage().contains("fr_feature.onnx is damaged or is a different model"), e.getMessage());
        assertTrue(e.fix().contains(dir.toString()), e.fix());
    }

    @Test
    void anUnknownModelNameListsTheKnownOnes() {
        ProviderException e = assertThrows(ProviderException.class, () -> ModelRepository.bundled().read("yunet"));
        assertTrue(e.fix().contains("fr_detect"), e.fix());
    }
}
