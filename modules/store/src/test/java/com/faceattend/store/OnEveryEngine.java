package com.faceattend.store;

import com.faceattend.store.testdb.StoreEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A store test that runs on embedded Derby, the Derby network server and PostgreSQL (issue 13): each
 * test gets a fresh, migrated database of its engine, dropped after it. Subclasses carry
 * {@code @ParameterizedClass(name = "{0}") @EnumSource(StoreEngine.class)}.
 */
abstract class OnEveryEngine {
    @TempDir
    Path tmp;
    @Parameter
    StoreEngine engine;
    StoreEngine.TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = engine.fresh(tmp);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }
}
