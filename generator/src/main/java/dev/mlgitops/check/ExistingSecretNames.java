package dev.mlgitops.check;

import java.util.regex.Pattern;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * Under provider {@code existing} an entry's key is the name of a Secret in the namespace, which
 * workloads reference as it is; a key shaped like a store path ({@code ml/fraud/redis}) names no
 * Secret Kubernetes can hold.
 */
final class ExistingSecretNames implements MeaningRule {

    /** A DNS-1123 subdomain, the rule for Secret names. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX = 253;

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec.Secrets secrets = environment.spec().secrets();
        if (secrets == null || !secrets.existing()) {
            return;
        }
        secrets.entries().forEach((entry, secret) -> {
            if (secret.key().length() > MAX || !SUBDOMAIN.matcher(secret.key()).matches()) {
                findings.add(environment.locator().finding(Code.CHECK_EXISTING_SECRET_NAME,
                        Pointers.of("secrets", "entries", entry, "key"),
                        Code.CHECK_EXISTING_SECRET_NAME.message(secret.key(), entry)));
            }
        });
    }
}
