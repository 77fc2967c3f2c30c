package dev.mlgitops.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import dev.mlgitops.MlGitopsException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

/**
 * Where the templates come from: the ones built into the jar (classpath
 * {@code mlgitops/blueprints/}), with a user's folder on top whose files replace the built-in
 * ones of the same relative path. Only templates an engine lists are rendered: a user file with a
 * new name is never picked up. Each instance holds one strict Freemarker configuration and parses
 * every template once.
 */
public final class Blueprints {

    /** Where the built-in blueprints live on the classpath. */
    static final String CLASSPATH_ROOT = "mlgitops/blueprints";

    private final Configuration configuration;

    private Blueprints(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * @param overrides a folder of templates laid out like {@code blueprints/} (e.g.
     *                  {@code serving/deployment/hpa.yaml.ftl}); each file replaces the built-in one
     * @throws MlGitopsException when the folder is not a readable directory
     */
    public static Blueprints of(Optional<Path> overrides) {
        List<TemplateLoader> loaders = new ArrayList<>();
        overrides.ifPresent(folder -> loaders.add(userLoader(folder)));
        loaders.add(new ClassTemplateLoader(Blueprints.class.getClassLoader(), CLASSPATH_ROOT));
        return new Blueprints(strict(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new))));
    }

    private static TemplateLoader userLoader(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new MlGitopsException("reading blueprints from " + folder + ": not a directory");
        }
        try {
            return new FileTemplateLoader(folder.toFile());
        } catch (IOException e) {
            throw new MlGitopsException("reading blueprints from " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Settings that turn every template slip into an error instead of quiet output. */
    private static Configuration strict(TemplateLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setShowErrorTips(false);
        // templates may not reach Java: no ?new, no ?api
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        // every ${} is escaped into a quoted YAML scalar, except numbers (see YamlNumberFormatFactory)
        cfg.setRegisteredCustomOutputFormats(List.of(YamlOutputFormat.INSTANCE));
        cfg.setOutputFormat(YamlOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setCustomNumberFormats(Map.of(YamlNumberFormatFactory.NAME, new YamlNumberFormatFactory()));
        cfg.setNumberFormat("@" + YamlNumberFormatFactory.NAME + " computer");
        // parse each template once per run: keep them all, never look for changes
        cfg.setCacheStorage(new StrongCacheStorage());
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return cfg;
    }

    /**
     * The parsed template at a path under the blueprint root, e.g. {@code tenancy/quota.yaml.ftl}.
     *
     * @throws IOException when it is missing or does not parse ({@link freemarker.core.ParseException})
     */
    Template template(String path) throws IOException {
        return configuration.getTemplate(path);
    }
}
