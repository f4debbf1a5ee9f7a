package io.github.duban.bulletin;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.duban.engine.Duban;
import io.github.duban.error.InputException;
import io.github.duban.outcome.Assessment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a {@link Bulletin} as {@code bulletin.md}, {@code bulletin.html} (FreeMarker templates:
 * the built-in ones in the jar under {@code /bulletin/}, or same-named files in a folder that
 * replace them) and {@code bulletin.docx} (its main part the template {@code bulletin.docx.ftlx}, its other parts fixed). The same bulletin always gives the same
 * bytes. Thread-safe.
 */
public final class Bulletins {
    /** The template names an office may replace: {@code bulletin.md.ftl}, {@code bulletin.html.ftlh} and {@code bulletin.docx.ftlx}. */
    public static final String MARKDOWN_TEMPLATE = "bulletin.md.ftl";
    /** The HTML bulletin's template: one self-contained page that prints on A4 (HTML auto-escaped). */
    public static final String HTML_TEMPLATE = "bulletin.html.ftlh";
    /** The Word bulletin's main part, {@code word/document.xml} (XML auto-escaped). */
    public static final String DOCX_TEMPLATE = DocxBulletin.TEMPLATE;
    /** The month-end run's index page over many plans. */
    public static final String INDEX_TEMPLATE = "index.html.ftlh";

    private static final Map<String, Configuration> CONFIGS = new ConcurrentHashMap<>();

    private Bulletins() {
    }

    /** The three bulletin files of one month, by file name, in a fixed order. */
    public static Map<String, byte[]> files(Duban duban, Assessment a, BulletinSettings settings) {
        Bulletin b = Bulletin.of(duban, a, settings);
        Path templates = settings == null ? null : settings.templates();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bulletin.md", markdown(b, templates).getBytes(StandardCharsets.UTF_8));
        files.put("bulletin.html", html(b, templates).getBytes(StandardCharsets.UTF_8));
        files.put("bulletin.docx", docx(b, templates));
        return files;
    }

    /** The bulletin as Markdown, from {@code templates/bulletin.md.ftl} if given, else the built-in template. */
    public static String markdown(Bulletin b, Path templates) {
        return render(MARKDOWN_TEMPLATE, b, templates);
    }

    /** The bulletin as one self-contained HTML page (inline CSS and SVG, no external reference). */
    public static String html(Bulletin b, Path templates) {
        return render(HTML_TEMPLATE, b, templates);
    }

    /**
     * The bulletin as a Word document laid out after GB/T 9704-2012 (A4, the 公文 margins and
     * fonts, page numbers, real tables, the chart as an image), from the built-in template.
     */
    public static byte[] docx(Bulletin b) {
        return docx(b, null);
    }

    /** As {@link #docx(Bulletin)}, its {@code word/document.xml} from {@code templates/bulletin.docx.ftlx} if given. */
    public static byte[] docx(Bulletin b, Path templates) {
        return DocxBulletin.write(b, templates);
    }

    /**
     * The model {@code bulletin.docx.ftlx} is rendered with: {@code b}, the chart's size in EMU
     * ({@code chartCx}, {@code chartCy}) and the right indents in twips of the signature and its
     * date ({@code signatureIndent}, {@code dateIndent}).
     */
    public static Map<String, Object> docxModel(Bulletin b) {
        return DocxBulletin.model(b);
    }

    private static String render(String name, Bulletin b, Path templates) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("b", b);
        return render(name, model, templates);
    }

    /** Renders template {@code name} (from {@code templates} if it holds one, else built in) with {@code model}. */
    public static String render(String name, Map<String, Object> model, Path templates) {
        Configuration cfg = CONFIGS.computeIfAbsent(templates == null ? "" : templates.toAbsolutePath().toString(),
                k -> configuration(templates));
        try {
            Template t = cfg.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new InputException(templates == null ? "bulletin/" + name : templates.resolve(name).toString(),
                    e.getLineNumber() == null ? 0 : e.getLineNumber(), null, "template error: " + firstLine(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            if (templates != null) {
                throw new InputException(templates.resolve(name).toString(), 0, null, "cannot read the template: " + firstLine(e.getMessage()));
            }
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i > 0 ? s.substring(0, i) : s;
    }

    private static Configuration configuration(Path templates) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(Bulletins.class, "/bulletin/");
        if (templates != null) {
            try {
                cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templates.toFile()), builtIn}));
            } catch (IOException e) {
                throw new InputException(templates.toString(), 0, "templates", "cannot read the templates folder: " + e.getMessage());
            }
        } else {
            cfg.setTemplateLoader(builtIn);
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        cfg.setNumberFormat("computer");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        // a template an office edits, or one somebody sent it, may not make objects of any class
        // (?new of freemarker.template.utility.Execute runs commands) nor reach Java's API (?api)
        cfg.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }
}
