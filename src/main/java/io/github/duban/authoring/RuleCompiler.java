package io.github.duban.authoring;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Compiles DRL texts with the classic compiler for their messages (with lines) and, when they compile, a KieBase to analyse. */
final class RuleCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();

    /** One raw compiler message. */
    record Raw(String file, int line, int column, boolean error, String text) {
    }

    record Result(List<Raw> messages, KieBase kieBase, String thrown) {
    }

    private RuleCompiler() {
    }

    static Result compile(Map<String, String> sources) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("io.github.duban", "duban-rules-check-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(id);
        sources.forEach((name, text) -> kfs.write("src/main/resources/rules/" + name, text));
        KieBuilder builder = ks.newKieBuilder(kfs);
        List<Raw> out = new ArrayList<>();
        try {
            builder.buildAll();
        } catch (RuntimeException e) {
            return new Result(out, null, rootMessage(e));
        }
        for (Message m : builder.getResults().getMessages()) {
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            String path = m.getPath() == null ? null : m.getPath().replaceFirst("^.*/", "");
            out.add(new Raw(path, m.getLine(), m.getColumn(), m.getLevel() == Message.Level.ERROR,
                    m.getText() == null ? "" : m.getText().strip()));
        }
        if (out.stream().anyMatch(Raw::error)) {
            return new Result(out, null, null);
        }
        KieBase base = ks.newKieContainer(id).getKieBase();
        ks.getRepository().removeKieModule(id);
        return new Result(out, base, null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(" | ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
