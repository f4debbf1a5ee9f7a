package io.github.duban.server;

import io.github.duban.batch.SafeOutput;
import io.github.duban.error.InputException;
import io.github.duban.jdbc.DubanJdbc;
import io.github.duban.json.FactsJson;
import io.github.duban.json.PlanJson;
import io.github.duban.model.Facts;
import io.github.duban.model.Plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the server's plans and their facts live: a folder of plan folders ({@code DATA/plans/<id>/},
 * the layout of {@code assess --plans}) or the OA database's duban tables. Thread-safe.
 */
interface PlanStore {
    /** What a plan id may be: it names a folder, so letters, digits, '-' and '_' only. */
    Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** A plan and its facts as the store holds them now; {@code factsDir} null when they are not files. */
    record Held(String id, Plan plan, Facts facts, Path factsDir, String stamp) {
    }

    /** Every plan id, in Unicode order. */
    List<String> ids();

    /** @throws NotFoundException when there is no plan of that id */
    Held read(String id);

    /** Stores {@code plan} under {@code id}, replacing the plan of that id and keeping its facts. */
    void save(String id, Plan plan);

    /** Says what the store is, for the start-up line. */
    String describe();

    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InputException("plan", 0, "id", "\"" + id + "\" is not a plan id (expected 1 to 64 letters, digits, '-' or '_', starting with a letter or digit)");
        }
        return id;
    }

    /** Plans in {@code DATA/plans/<id>/plan.json} with their facts files beside. */
    final class Files_ implements PlanStore {
        private final Path root;
        /** Each plan as last read, kept while its files are unchanged (the same stamp). */
        private final java.util.Map<String, Held> read = new java.util.concurrent.ConcurrentHashMap<>();

        Files_(Path root) {
            this.root = root;
        }

        @Override
        public List<String> ids() {
            List<String> ids = new ArrayList<>();
            if (!Files.isDirectory(root)) {
                return ids;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (ID.matcher(name).matches() && Files.isRegularFile(p.resolve("plan.json"))) {
                        ids.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
            ids.sort(null);
            return ids;
        }

        @Override
        public Held read(String id) {
            Path dir = root.resolve(checkId(id));
            Path plan = dir.resolve("plan.json");
            if (!Files.isRegularFile(plan)) {
                throw new NotFoundException("no plan \"" + id + "\"");
            }
            String stamp = stamp(dir);
            Held last = read.get(id);
            if (last != null && last.stamp().equals(stamp)) {
                return last;
            }
            Plan p = PlanJson.read(plan);
            Held h = new Held(id, p, FactsJson.read(dir, p), dir, stamp);
            read.put(id, h);
            return h;
        }

        /** The names, sizes and times of the plan's files: changes when any of them does. */
        private static String stamp(Path dir) {
            StringBuilder sb = new StringBuilder();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                List<Path> files = new ArrayList<>();
                ds.forEach(files::add);
                files.sort(null);
                for (Path f : files) {
                    sb.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                            .append(Files.getLastModifiedTime(f).toMillis()).append(';');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            return sb.toString();
        }

        @Override
        public synchronized void save(String id, Plan plan) {
            Path dir = root.resolve(checkId(id));
            try {
                Files.createDirectories(dir);
                Path tmp = SafeOutput.tempFile(dir, ".plan", ".json");
                try {
                    Files.writeString(tmp, PlanJson.write(plan), StandardCharsets.UTF_8);
                    Files.move(tmp, dir.resolve("plan.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the plan " + id, e);
            }
        }

        @Override
        public String describe() {
            return "plans in " + root;
        }
    }

    /** Plans in {@code duban_plans}, facts in the fact tables; the OA system writes them. */
    final class Database implements PlanStore {
        private final DubanJdbc db;

        Database(DubanJdbc db) {
            this.db = db;
        }

        /** The database, for a month-end that writes its result tables. */
        DubanJdbc jdbc() {
            return db;
        }

        @Override
        public List<String> ids() {
            return db.planIds();
        }

        @Override
        public Held read(String id) {
            if (!db.planIds().contains(id)) {
                throw new NotFoundException("no plan \"" + id + "\" in duban_plans");
            }
            DubanJdbc.PlanFacts pf = db.read(id);
            return new Held(id, pf.plan(), pf.facts(), null, null);
        }

        @Override
        public void save(String id, Plan plan) {
            throw new ConflictException("plans come from the OA database (duban_plans): load them with duban sql load or the OA system, not through the server");
        }

        @Override
        public String describe() {
            return "plans in the database (duban_plans)";
        }
    }
}
