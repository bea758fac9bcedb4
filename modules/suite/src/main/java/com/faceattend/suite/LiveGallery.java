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
    /** With a central store on a server: the sync that follows its change sequence (else null). */
    private final com.faceattend.fleet.sync.GallerySync sync;
    private final com.faceattend.fleet.sync.LocalGalleryCopy copy;

    /**
     * A gallery filled and kept current by {@code sync} from a central store that other processes
     * change too; closing it stops the sync and closes the station's local copy.
     */
    LiveGallery(GalleryIndex index, com.faceattend.fleet.sync.GallerySync sync, com.faceattend.fleet.sync.LocalGalleryCopy copy) {
        this.store = null;
        this.index = index;
        this.sync = sync;
        this.copy = copy;
    }

    LiveGallery(DerbyAttendanceStore store, String modelId, int dimension) {
        this.store = store;
        this.sync = null;
        this.copy = null;
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

    /** The last change of the central store's sequence applied (0 when the gallery follows this process's own store). */
    public long appliedChange() {
        return sync == null ? 0 : Math.max(0, sync.appliedChange());
    }

    @Override
    public void close() {
        if (sync != null) {
            try {
                sync.close();
            } finally {
                copy.close();
            }
            return;
        }
        store.removeEmployeeListener(listener);
    }
}
