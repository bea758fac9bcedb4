package com.faceattend.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The database owner's password, a random secret in an owner-only file (folder 0700, file 0600)
 * outside the database folder: {@code secrets/owner-<db folder name>.secret} beside it, or under
 * the folder named by the system property {@value #FOLDER_PROPERTY}. Only the owner may apply
 * schema migrations, grant roles and manage users; people and stations never use it.
 */
public final class OwnerSecret {
    /** System property naming the folder that holds the owner secrets (default: "secrets" beside the database). */
    public static final String FOLDER_PROPERTY = "faceattend.secrets.dir";
    /** Derby's owner (DBO) of every FaceAttend database: the default user that created it. */
    static final String OWNER = "APP";

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    private OwnerSecret(Path file) {
        this.file = file;
    }

    /** The owner secret of the database in {@code databaseDir}. */
    public static OwnerSecret of(Path databaseDir) {
        Path dir = databaseDir.toAbsolutePath().normalize();
        String folder = System.getProperty(FOLDER_PROPERTY);
        Path secrets = folder != null && !folder.isBlank() ? Path.of(folder) : dir.resolveSibling("secrets");
        return new OwnerSecret(secrets.resolve("owner-" + dir.getFileName() + ".secret"));
    }

    public Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The secret, or empty when there is none; refused when others may read it. */
    Optional<String> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (isPosix(file) && !java.util.Collections.disjoint(Files.getPosixFilePermissions(file), GROUP_OR_OTHER)) {
                throw new StoreException(com.faceattend.spi.Problem.Kind.REFUSED,
                        "the database owner's secret " + file + " may be read by other users",
                        "Make it private (`chmod 600 " + file + "`), and if others could have read it, "
                                + "treat it as known: change it with a new `faceattend users init` on a restored backup.");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new StoreException("cannot read the database owner's secret " + file + " (" + e + ")",
                    "Run FaceAttend as the operating-system user who set up the accounts.", e);
        }
    }

    /** Creates a new random secret; refuses to overwrite one (that would lock the owner out). */
    String create() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
            if (isPosix(folder)) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return secret;
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(com.faceattend.spi.Problem.Kind.REFUSED,
                    "the database owner's secret " + file + " already exists",
                    "Accounts were set up before; sign in as an administrator instead.", e);
        } catch (IOException e) {
            throw new StoreException("cannot write the database owner's secret " + file + " (" + e + ")",
                    "Check that you may write to " + folder + ".", e);
        }
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
