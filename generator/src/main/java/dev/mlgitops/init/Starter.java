package dev.mlgitops.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.Engine;
import dev.mlgitops.render.Engines;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * Writes a starter mlproject.yaml: the fields of the chosen stages with sensible values and a
 * comment on each, and a first line that points YAML editors at a copy of the schema written
 * beside it (relative, so it works offline and matches this version of mlgitops). The text is
 * the template {@code mlgitops/init/mlproject.yaml.ftl}.
 */
public final class Starter {

    static final String SPEC_FILE = "mlproject.yaml";
    static final String SCHEMA_COPY = ".mlgitops/mlproject-v1alpha1.schema.json";
    private static final String SCHEMA_RESOURCE = "mlgitops/schemas/mlproject-v1alpha1.schema.json";
    private static final Pattern DNS_1035 = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final int NAME_MAX = 40;
    private static final int TEAM_MAX = 63;
    /** Where the comments start, so they line up. */
    private static final int COMMENT_COLUMN = 44;
    /** What separates a template line's YAML from its comment. */
    private static final String COMMENT_MARKER = " #| ";
    private static final String TEMPLATE = "mlproject.yaml.ftl";
    private static final Configuration TEMPLATES = templates();

    private Starter() {
    }

    /**
     * Writes the starter spec and the schema copy into {@code folder}; on findings (a bad name, a
     * file in the way) it writes nothing.
     */
    public static StarterFiles write(Path folder, InitOptions options) {
        Path spec = folder.resolve(SPEC_FILE);
        Path schema = folder.resolve(SCHEMA_COPY);
        Findings findings = new Findings();
        requireName(options.name(), "project name (metadata.name)", NAME_MAX, findings);
        requireName(options.team(), "team name (metadata.team)", TEAM_MAX, findings);
        Set<Stage> stages = stages(options, findings);
        if (Files.exists(spec) && !options.force()) {
            findings.add(Code.INIT_EXISTS, "", null, Code.INIT_EXISTS.message(SPEC_FILE));
        }
        if (findings.hasErrors()) {
            return new StarterFiles(spec, schema, findings);
        }
        try {
            Files.createDirectories(schema.getParent());
            Files.write(schema, schemaBytes());
            Files.writeString(spec, text(options.name(), options.team(), stages), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MlGitopsException("writing the starter " + SPEC_FILE + ": " + e.getClass().getSimpleName(), e);
        }
        return new StarterFiles(spec, schema, findings);
    }

    private static void requireName(String name, String what, int max, Findings findings) {
        if (name == null || name.length() > max || !DNS_1035.matcher(name).matches()) {
            findings.add(Code.INIT_NAME, "", null, Code.INIT_NAME.message(name, what, max));
        }
    }

    private static Set<Stage> stages(InitOptions options, Findings findings) {
        Set<Stage> stages = EnumSet.of(Stage.TENANCY);
        for (String folder : options.stages()) {
            Stage.byFolder(folder).ifPresentOrElse(stages::add, () -> findings.add(Code.INIT_STAGE, "", null,
                    Code.INIT_STAGE.message(folder, Arrays.stream(Stage.values()).map(Stage::folder).collect(Collectors.joining(", ")))));
        }
        return stages;
    }

    private static byte[] schemaBytes() throws IOException {
        try (InputStream in = Starter.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new MlGitopsException("copying the schema " + SCHEMA_RESOURCE + ": it is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The starter's text, from its template; the same options give the same bytes. */
    static String text(String name, String team, Set<Stage> stages) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("team", team);
        model.put("schemaCopy", SCHEMA_COPY);
        model.put("featureStore", stages.contains(Stage.FEATURE_STORE));
        model.put("notebooks", stages.contains(Stage.NOTEBOOKS));
        model.put("training", stages.contains(Stage.TRAINING));
        model.put("registry", stages.contains(Stage.MODEL_REGISTRY));
        model.put("serving", stages.contains(Stage.SERVING));
        model.put("monitoring", stages.contains(Stage.MONITORING));
        engines(model, "training", Stage.TRAINING);
        engines(model, "serving", Stage.SERVING);
        StringWriter out = new StringWriter();
        try {
            TEMPLATES.getTemplate(TEMPLATE).process(model, out);
        } catch (IOException | TemplateException e) {
            throw new MlGitopsException("rendering the starter template " + TEMPLATE + ": " + e.getMessage(), e);
        }
        return alignComments(out.toString());
    }

    /** A stage's default engine as {@code <stage>Engine}, and all of its engines, the default first, as {@code <stage>Engines}. */
    private static void engines(Map<String, Object> model, String stage, Stage of) {
        String chosen = Engines.defaultOf(of).name();
        List<String> names = new ArrayList<>(List.of(chosen));
        Engines.of(of).stream().map(Engine::name).filter(name -> !name.equals(chosen)).forEach(names::add);
        model.put(stage + "Engine", chosen);
        model.put(stage + "Engines", names);
    }

    /** Lines of the form {@code yaml #| comment} get their comment lined up at {@link #COMMENT_COLUMN}. */
    private static String alignComments(String text) {
        StringBuilder aligned = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int marker = line.indexOf(COMMENT_MARKER);
            if (marker < 0) {
                aligned.append(line);
            } else {
                String yaml = line.substring(0, marker);
                aligned.append(yaml).append(" ".repeat(Math.max(1, COMMENT_COLUMN - yaml.length())))
                        .append("# ").append(line.substring(marker + COMMENT_MARKER.length()));
            }
            aligned.append('\n');
        }
        return aligned.substring(0, aligned.length() - 1);
    }

    private static Configuration templates() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(Starter.class.getClassLoader(), "mlgitops/init"));
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setLocale(Locale.ROOT);
        return configuration;
    }
}
