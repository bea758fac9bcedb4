package com.faceattend.onnx.mtcnn;

import com.faceattend.onnx.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** person/photo of the first faces94 portrait. */
final class FirstPortrait {
    private FirstPortrait() {
    }

    static String path() {
        try (Stream<Path> people = Files.list(TestData.root().resolve("faces94/identities"))) {
            Path person = people.sorted().findFirst().orElseThrow();
            try (Stream<Path> photos = Files.list(person)) {
                return person.getFileName() + "/" + photos.sorted().findFirst().orElseThrow().getFileName();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
