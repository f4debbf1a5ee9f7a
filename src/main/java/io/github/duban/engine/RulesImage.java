package io.github.duban.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The built-in rules compiled at build time: the classic compiler's packages of the built-in DRL
 * files, serialized into {@code rules/built-in.kpkg} beside them, so that start-up reads them
 * instead of compiling the DRL again. The image names the DRL texts (sha-256) and the Drools
 * version it was made from; it is used only when both match what is running.
 *
 * <p>{@link #main} is the build step ({@code mvn process-classes} runs it on {@code target/classes}).
 */
public final class RulesImage {

    /** Where the image sits on the class path, beside the DRL files. */
    static final String RESOURCE = "/rules/built-in.kpkg";

    private static final String MAGIC = "duban rules image 1";

    private RulesImage() {
    }

    /**
     * Writes the image of the built-in rules into {@code args[0]} (the classes folder), written
     * aside and renamed into place.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RulesImage CLASSES_DIR");
        }
        Path out = Path.of(args[0]).resolve(RESOURCE.substring(1));
        Ruleset rules = Ruleset.compile(Ruleset.builtInSources());
        byte[] image = write(rules.kieBase(), rules.sources());
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, image);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The image of {@code base}, compiled from {@code sources}. */
    static byte[] write(KieBase base, Map<String, String> sources) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(bytes);
        header.writeUTF(MAGIC);
        header.writeUTF(droolsVersion());
        header.writeUTF(digest(sources));
        header.flush();
        List<KiePackage> packages = new ArrayList<>(base.getKiePackages());
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(packages);
        }
        return bytes.toByteArray();
    }

    /**
     * The KieBase an image holds, for rules compiled from {@code sources}.
     *
     * @throws IOException when it is not an image, was made from other DRL texts or another Drools
     *                     version, or cannot be read
     */
    static KieBase read(InputStream in, Map<String, String> sources, ClassLoader loader) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        String magic = data.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a rules image (it starts \"" + magic + "\")");
        }
        String drools = data.readUTF();
        if (!drools.equals(droolsVersion())) {
            throw new IOException("made with Drools " + drools + ", running " + droolsVersion());
        }
        if (!data.readUTF().equals(digest(sources))) {
            throw new IOException("made from other DRL texts than the built-in ones on the class path");
        }
        // The empty KieBase (Drools' services and configuration) is set up while the packages are read.
        FutureTask<InternalKnowledgeBase> empty = new FutureTask<>(() -> KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader)));
        Thread setUp = new Thread(empty, "duban-rules-kiebase");
        setUp.setDaemon(true);
        setUp.start();
        List<KiePackage> packages = new ArrayList<>();
        try (DroolsObjectInputStream objects = new DroolsObjectInputStream(data, loader)) {
            for (Object p : (List<?>) objects.readObject()) {
                packages.add((KiePackage) p);
            }
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("cannot read the rules image: " + e, e);
        }
        InternalKnowledgeBase base;
        try {
            base = empty.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting up the KieBase", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot set up the KieBase: " + e.getCause(), e.getCause());
        }
        base.addPackages(packages);
        return base;
    }

    /** sha-256 over the DRL texts in name order, each name and text followed by a NUL. */
    static String digest(Map<String, String> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, sources);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds {@code sha} the DRL texts in name order, each name and text followed by a NUL (the fingerprint starts the same way). */
    static void update(MessageDigest sha, Map<String, String> sources) {
        for (Map.Entry<String, String> e : new TreeMap<>(sources).entrySet()) {
            sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    /** The version of drools-core on the class path, or "unknown". */
    static String droolsVersion() {
        try (InputStream in = KnowledgeBaseFactory.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
