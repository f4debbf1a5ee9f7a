package io.github.duban.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writing that is never seen half done. A file is written aside in its folder and renamed over
 * the old one; a folder of files is written into a hidden sibling folder and renamed into place,
 * the old folder set aside first and removed after. Files and folders are created with the mode
 * the user's umask gives (not the 0600 of temporary files). {@link #recover(Path)} tidies what a
 * killed run left: hidden work folders are removed and a folder that was set aside but never
 * replaced is put back. Thread-safe.
 */
public final class SafeOutput {
    private static final AtomicLong SEQ = new AtomicLong();
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";

    private SafeOutput() {
    }

    /** Writes {@code data} to {@code target} through a sibling file and an atomic rename. */
    public static void writeFile(Path target, byte[] data) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = aside(dir, target.getFileName().toString(), TMP);
            try {
                write(tmp, data);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Writes each of {@code files} (name → bytes) into {@code dir}, each through its own rename. */
    public static void writeFiles(Path dir, Map<String, byte[]> files) {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            writeFile(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /**
     * Makes {@code target} a folder holding exactly {@code files}: written whole into a hidden
     * sibling, then renamed into place. An old folder is set aside first and removed after.
     */
    public static void replaceFolder(Path target, Map<String, byte[]> files) {
        Path parent = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(parent);
            Path work = aside(parent, name, TMP);
            Files.createDirectory(work);
            try {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    write(work.resolve(f.getKey()), f.getValue());
                }
                syncDir(work);
                Path old = null;
                if (Files.exists(target)) {
                    old = aside(parent, name, OLD);
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                syncDir(parent);
                if (old != null) {
                    deleteTree(old);
                }
            } finally {
                if (Files.exists(work)) {
                    deleteTree(work);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Tidies {@code parent} after a killed run: hidden work folders and files ({@code .NAME.tmp-…})
     * are removed; a folder set aside ({@code .NAME.old-…}) is put back when NAME is missing,
     * else removed.
     */
    public static void recover(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, ".*")) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + parent, e);
        }
        entries.sort(Comparator.comparing(Path::toString));
        try {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (n.contains(TMP)) {
                    deleteTree(p);
                } else if (n.contains(OLD)) {
                    Path original = parent.resolve(n.substring(1, n.lastIndexOf(OLD)));
                    if (Files.exists(original)) {
                        deleteTree(p);
                    } else {
                        Files.move(p, original, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + parent, e);
        }
    }

    /**
     * A new empty file in {@code dir} to write before renaming it into place, named
     * {@code PREFIX-PID-N SUFFIX}: made with the mode any new file gets (the umask's), not the
     * owner-only mode of {@link Files#createTempFile}, so that the file renamed into place has the
     * mode the user expects.
     */
    public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
        while (true) {
            Path p = dir.resolve(prefix + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + suffix);
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                // a name left by another run: take the next
            }
        }
    }

    private static Path aside(Path dir, String name, String kind) {
        return dir.resolve("." + name + kind + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet());
    }

    /** Writes and syncs {@code file} through one open channel (the file is new: an old one of that name is removed first). */
    private static void write(Path file, byte[] data) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(file);
            write(file, data);
            return;
        }
        try (ch) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.delete(q);
                    } catch (NoSuchFileException e) {
                        // already gone
                    }
                }
            }
        } else {
            Files.deleteIfExists(p);
        }
    }
}
