package com.faceattend.suite;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.spi.Embedding;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoredTemplate;
import java.util.List;
import java.util.function.Consumer;

/**
 * A gallery that follows the store: every enrolment, deletion, (de)activation or consent change
 * committed through the same store object replaces that person's templates in the index at once,
 * so a running station needs no restart. Close it when the station stops.
 */
public final class LiveGallery implements AutoCloseable {
    private final DerbyAttendanceStore store;
    private final GalleryIndex index;
    private final Consumer<String> listener = this::refresh;

    LiveGallery(DerbyAttendanceStore store, String modelId, int dimension) {
        this.store = store;
        this.index = new GalleryIndex(modelId, dimension);
        // Listen first, then load: a change committed in between is applied twice, never missed.
        store.addEmployeeListener(listener);
        try {
            fill(index, store.loadTemplates(modelId));
        } catch (RuntimeException e) {
            store.removeEmployeeListener(listener);
            throw e;
        }
    }

    /** Adds every template in {@code templates} to {@code index}. */
    static void fill(GalleryIndex index, List<StoredTemplate> templates) {
        for (StoredTemplate t : templates) {
            index.add(t.employeeCode(), t.employeeName(), new Embedding(t.modelId(), t.vector()));
        }
    }

    public GalleryIndex index() {
        return index;
    }

    private void refresh(String employeeCode) {
        List<StoredTemplate> templates = store.loadTemplates(index.modelId(), employeeCode);
        String name = templates.isEmpty() ? employeeCode : templates.get(0).employeeName();
        index.replace(employeeCode, name, templates.stream().map(t -> new Embedding(t.modelId(), t.vector())).toList());
    }

    @Override
    public void close() {
        store.removeEmployeeListener(listener);
    }
}
