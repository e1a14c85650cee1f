package io.tabby.confd.render;

import static java.util.Objects.requireNonNull;

import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.tabby.confd.functions.ConfdFunctions;
import io.tabby.confd.functions.ConfdObjectWrapper;
import io.tabby.confd.store.KvView;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Renders templates from one templates directory with confd's functions. Safe to use from one thread at a time. */
public final class TemplateRenderer {
    private final Configuration freemarker;
    private final ConfdFunctions functions;

    public TemplateRenderer(Path templateDir, ConfdFunctions functions) {
        requireNonNull(templateDir, "templateDir is null");
        this.functions = requireNonNull(functions, "functions is null");
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        try {
            freemarker.setTemplateLoader(new ContentStampedLoader(templateDir.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException("templates directory " + templateDir + " is not readable: "
                    + e.getMessage(), e);
        }
        freemarker.setDefaultEncoding(StandardCharsets.UTF_8.name());
        freemarker.setLocalizedLookup(false);
        // a template edited on disk is picked up at the next render, as confd re-reads templates
        // (the loader stamps templates by content, not by an mtime that may not change)
        freemarker.setTemplateUpdateDelayMilliseconds(0);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNumberFormat("c");
        freemarker.setBooleanFormat("c");
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setObjectWrapper(new ConfdObjectWrapper(Configuration.VERSION_2_3_34));
    }

    /**
     * Renders template {@code src} reading {@code view}.
     *
     * @throws RenderException naming the template and line for a missing template, a syntax error or
     *     an error while rendering
     */
    public String render(String src, KvView view) throws RenderException {
        Template template;
        try {
            template = freemarker.getTemplate(src);
        } catch (TemplateNotFoundException e) {
            throw new RenderException(src, 0, "template not found in the templates directory", e);
        } catch (ParseException e) {
            throw new RenderException(src, e.getLineNumber(), "syntax error: " + e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new RenderException(src, 0, "cannot read the template: " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter();
        try {
            template.process(functions.model(view), out);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            String where = e.getTemplateSourceName();
            String problem = e.getMessageWithoutStackTop().strip();
            if (where != null && !where.equals(src)) {
                problem = problem + " (in " + where + ")";
            }
            throw new RenderException(src, line == null ? 0 : line, problem, e);
        } catch (IOException e) {
            throw new RenderException(src, 0, "cannot write the output: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
