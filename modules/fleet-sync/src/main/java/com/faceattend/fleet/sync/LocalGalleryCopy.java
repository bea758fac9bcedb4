package com.faceattend.fleet.sync;

import com.faceattend.spi.Embedding;
import com.faceattend.store.BootSecret;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.StoreKeys;
import com.faceattend.store.StoredTemplate;
import com.faceattend.store.TemplateToSave;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A station's own copy of the gallery (the templates it matches against), so it recognises while
 * the central store is unreachable. It is an embedded FaceAttend store in the station's data
 * folder ({@code station-gallery/}) holding only people and templates, and so protected exactly
 * like the central one: encrypted at rest with a key from {@link StoreKeys} (apart from the data
 * folder), and a deletion wipes the template bytes from its files (the store's scrub: table
 * compression and retired log files, resumed at the next open after a crash).
 *
 * <p>Not thread-safe; {@link GallerySync} calls it from its one thread.
 */
public final class LocalGalleryCopy implements AutoCloseable {
    /** The copy's folder inside the station's data folder. */
    public static final String FOLDER = "station-gallery";
    private static final String ACTOR = "station-sync";
    /**
     * Written into the copy's folder once a whole central gallery was copied: a station that starts
     * without the central store needs it (an empty copy it never filled is no gallery to recognise from).
     */
    private static final String LOADED_MARK = "loaded-from-central";
    private final DerbyAttendanceStore copy;

    private LocalGalleryCopy(DerbyAttendanceStore copy) {
        this.copy = copy;
    }

    /** Whether the station with data folder {@code dataDir} has a copy (possibly never filled). */
    public static boolean exists(Path dataDir) {
        return Files.isDirectory(dataDir.resolve(FOLDER));
    }

    /** Opens (creating, encrypted) the copy in {@code dataDir}/{@value #FOLDER}, with its key from {@link StoreKeys}. */
    public static LocalGalleryCopy open(Path dataDir) {
        Path dir = dataDir.resolve(FOLDER);
        return open(dir, StoreKeys.forDatabase(dir).forOpening());
    }

    /** Opens the copy in {@code dir} with {@code secret} ({@link BootSecret#none()}: plain, for tests that read the files). */
    public static LocalGalleryCopy open(Path dir, BootSecret secret) {
        return new LocalGalleryCopy(DerbyAttendanceStore.openEmbedded(dir, secret));
    }

    /** The copy's folder. */
    public Path folder() {
        return copy.databaseDir();
    }

    /**
     * Whether the copy holds a gallery the station can recognise from while the central store is
     * unreachable: it was filled from the central store once (even with nobody enrolled), or holds
     * templates (a copy made before this mark existed).
     */
    public boolean usableOffline(String modelId) {
        return Files.exists(folder().resolve(LOADED_MARK)) || !copy.loadTemplates(modelId).isEmpty();
    }

    /** Records that the copy now holds a whole central gallery (see {@link #usableOffline}). */
    public void markLoadedFromCentral() {
        Path mark = folder().resolve(LOADED_MARK);
        if (Files.exists(mark)) {
            return;
        }
        try {
            Files.writeString(mark, "the station's copy of the central gallery was loaded in full at " + Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + mark, e);
        }
    }

    /** Every template of {@code modelId} in the copy. */
    public List<StoredTemplate> templates(String modelId) {
        return copy.loadTemplates(modelId);
    }

    /**
     * Makes the copy hold exactly {@code central}'s templates of {@code modelId}: people missing
     * there are erased here (with their bytes), the others updated as by {@link #replacePerson}.
     *
     * @return how many people were erased from the copy
     */
    public int replaceAll(String modelId, List<StoredTemplate> central) {
        Map<String, List<StoredTemplate>> byPerson = byPerson(central);
        int erased = 0;
        for (String code : byPerson(copy.loadTemplates(modelId)).keySet()) {
            if (!byPerson.containsKey(code)) {
                copy.deleteEmployee(code, ACTOR);
                erased++;
            }
        }
        for (Map.Entry<String, List<StoredTemplate>> e : byPerson.entrySet()) {
            replacePerson(modelId, e.getKey(), e.getValue());
        }
        return erased;
    }

    /**
     * Makes the copy hold exactly {@code templates} (of {@code modelId}) for {@code code}: none
     * erases the person and wipes their bytes; templates the copy has but the central store no
     * longer has also go (the person is erased and written again, so the old bytes are wiped);
     * new ones are added.
     */
    public void replacePerson(String modelId, String code, List<StoredTemplate> templates) {
        Objects.requireNonNull(code, "code");
        List<StoredTemplate> local = copy.loadTemplates(modelId, code);
        boolean known = copy.findEmployee(code).isPresent();
        if (templates.isEmpty()) {
            if (known) {
                copy.deleteEmployee(code, ACTOR);
            }
            return;
        }
        Set<String> wanted = new HashSet<>();
        templates.forEach(t -> wanted.add(key(t)));
        boolean stale = local.stream().anyMatch(t -> !wanted.contains(key(t)));
        if (stale) {
            copy.deleteEmployee(code, ACTOR);
            known = false;
        }
        String name = templates.get(0).employeeName();
        if (known && copy.findEmployee(code).map(e -> !e.name().equals(name)).orElse(false)) {
            copy.updateEmployee(code, name, null, ACTOR);
        }
        List<TemplateToSave> save = new ArrayList<>();
        for (StoredTemplate t : templates) {
            save.add(new TemplateToSave(new Embedding(t.modelId(), t.vector()), t.quality()));
        }
        // the consent itself is the central store's record; the copy only needs one to hold templates
        copy.enrol(code, name, null, Instant.now(), save, ACTOR); // stores only what is new
    }

    private static String key(StoredTemplate t) {
        return t.modelId() + "\u0000" + Arrays.toString(t.vector());
    }

    static Map<String, List<StoredTemplate>> byPerson(List<StoredTemplate> templates) {
        Map<String, List<StoredTemplate>> out = new LinkedHashMap<>();
        for (StoredTemplate t : templates) {
            out.computeIfAbsent(t.employeeCode(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    @Override
    public void close() {
        copy.close();
    }
}
