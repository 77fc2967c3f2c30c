package dev.mlgitops.check;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * Feast picks its registry store by the path's scheme (feast/infra/registry/registry.py,
 * REGISTRY_STORE_CLASS_FOR_SCHEME): {@code s3}, {@code gs}, {@code file} or none (a local path).
 * Any other scheme ({@code az://}, {@code abfs://}, {@code https://}) fails when the server starts.
 */
final class FeastRegistryScheme implements MeaningRule {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec.FeatureStore store = environment.spec().featureStore();
        if (store == null || store.registry() == null) {
            return;
        }
        // a scheme as URL parsers (Python's urlsplit) read one; anything else is a path to Feast
        Matcher scheme = SCHEME.matcher(store.registry());
        String name = scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
        if (!name.isEmpty() && !name.equals("s3") && !name.equals("gs") && !name.equals("file")) {
            findings.add(environment.locator().finding(Code.CHECK_FEAST_REGISTRY, "/featureStore/registry",
                    Code.CHECK_FEAST_REGISTRY.message(name)));
        }
    }
}
