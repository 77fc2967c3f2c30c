package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * The tenancy stage, always rendered: the namespace's guard rails (Pod Security labels, quota,
 * default limits), who may do what (RBAC), the workloads' identities (ServiceAccounts) and the
 * network rules (default deny plus what the other engines ask for).
 */
final class TenancyBlueprint implements Engine {

    private final List<Engine> workloads;

    /** @param workloads the engines whose needs (ServiceAccounts, allowed traffic) tenancy provides */
    TenancyBlueprint(List<Engine> workloads) {
        this.workloads = List.copyOf(workloads);
    }

    @Override
    public Stage stage() {
        return Stage.TENANCY;
    }

    @Override
    public String name() {
        return stage().folder();
    }

    @Override
    public String folder() {
        return "tenancy";
    }

    @Override
    public List<String> templates() {
        return List.of("namespace.yaml.ftl", "resourcequota.yaml.ftl", "limitrange.yaml.ftl",
                "serviceaccounts.yaml.ftl", "rbac.yaml.ftl", "grants.yaml.ftl", "networkpolicies.yaml.ftl",
                "externalsecrets.yaml.ftl");
    }

    @Override
    public RuntimeContract contract() {
        return RuntimeContract.NONE;
    }

    /** Tenancy serves the others' needs and has none of its own. */
    @Override
    public TenancyNeeds needs(RenderContext context) {
        return TenancyNeeds.NONE;
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        Spec.Tenancy tenancy = context.spec().tenancy();
        // a set: two engines of one stage (say both serving engines) may ask for the same path
        Set<TenancyNeeds.Allow> allows = new LinkedHashSet<>();
        Map<String, TenancyNeeds.Egress> egress = new LinkedHashMap<>();
        List<GrantView> grants = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> tokens = new LinkedHashSet<>();
        for (Engine workload : workloads) {
            TenancyNeeds needs = workload.needs(context);
            kinds.addAll(needs.workloadKinds());
            allows.addAll(needs.allows());
            // two engines of one stage (both serving engines) share the stage's policy: one, on the ports of both
            needs.egress().forEach(e -> egress.merge(e.name(), e, TenancyBlueprint::union));
            tokens.addAll(needs.tokenSecrets());
            needs.grants().forEach(g -> grants.add(new GrantView(g.name(), context.objectName(g.workloadKind()),
                    g.apiGroup(), g.resources(), g.verbs())));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("project", context.name());
        model.put("labels", context.labels(stage()));
        // the base never names a namespace: each environment's overlay sets it
        context.environment().target().ifPresent(target -> model.put("namespace", target.namespace()));
        model.put("quotaName", context.objectName("quota"));
        model.put("quota", quota(tenancy));
        model.put("limitRangeName", context.objectName("defaults"));
        model.put("serviceAccounts", serviceAccounts(context, kinds));
        model.put("tokens", tokens.stream().map(kind -> new TokenView(tokenSecretName(context.objectName(kind)),
                context.objectName(kind))).toList());
        model.put("access", access(context, tenancy));
        model.put("grants", grants);
        model.put("restricted", tenancy == null || tenancy.restricted());
        model.put("denyName", context.objectName("default-deny"));
        model.put("dnsName", context.objectName("allow-dns"));
        model.put("namespaceEgressName", context.objectName("allow-namespace-egress"));
        model.put("allows", List.copyOf(allows));
        model.put("egress", List.copyOf(egress.values()));
        model.put("ingressControllerNamespace", context.spec().cluster().ingress().namespace());
        model.put("externalSecrets", externalSecrets(context));
        return List.of(new ItemModel("/tenancy", model));
    }

    /** {@code spec.hard} of the ResourceQuota, in the order kubectl users expect; absent ones left out. */
    private static Map<String, String> quota(Spec.Tenancy tenancy) {
        Map<String, String> hard = new LinkedHashMap<>();
        if (tenancy == null || tenancy.quota() == null) {
            return hard;
        }
        Spec.Quota quota = tenancy.quota();
        putIfSet(hard, "requests.cpu", quota.cpu());
        putIfSet(hard, "requests.memory", quota.memory());
        putIfSet(hard, "limits.memory", quota.memory());
        // extended resources can only be limited through the requests. prefix
        putIfSet(hard, "requests.nvidia.com/gpu", quota.gpu());
        putIfSet(hard, "requests.storage", quota.storage());
        return hard;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static List<ServiceAccountView> serviceAccounts(RenderContext context, Set<String> kinds) {
        Map<String, String> annotations = CloudIdentity.annotations(context.spec());
        return kinds.stream()
                .map(kind -> new ServiceAccountView(context.objectName(kind), annotations))
                .toList();
    }

    /** One ExternalSecret per secrets entry under provider external-secrets; none for existing Secrets. */
    private static List<ExternalSecretView> externalSecrets(RenderContext context) {
        Spec.Secrets secrets = context.spec().secrets();
        if (secrets == null || secrets.existing() || secrets.store() == null) {
            return List.of();
        }
        List<ExternalSecretView> views = new ArrayList<>();
        secrets.entries().forEach((entry, secret) -> views.add(new ExternalSecretView(context.secretName(entry),
                secrets.store().kind(), secrets.store().name(), secret.key())));
        return views;
    }

    private static List<AccessView> access(RenderContext context, Spec.Tenancy tenancy) {
        List<AccessView> levels = new ArrayList<>();
        if (tenancy == null || tenancy.access() == null) {
            return levels;
        }
        Spec.Access access = tenancy.access();
        addLevel(levels, context, "admins", access.admins());
        addLevel(levels, context, "editors", access.editors());
        addLevel(levels, context, "viewers", access.viewers());
        return levels;
    }

    private static void addLevel(List<AccessView> levels, RenderContext context, String level, List<String> members) {
        if (!members.isEmpty()) {
            levels.add(new AccessView(level, context.objectName(level), members.stream().map(SubjectView::of).toList()));
        }
    }

    /** An ExternalSecret and the Secret of the same name it makes from every property of {@code remoteKey}. */
    public record ExternalSecretView(String name, String storeKind, String storeName, String remoteKey) {}

    /**
     * The name Argo Workflows looks up for a ServiceAccount's token when the ServiceAccount lists no
     * Secret (argo-workflows util/secrets, TokenName): {@code <name>.service-account-token}.
     */
    static String tokenSecretName(String serviceAccount) {
        return serviceAccount + ".service-account-token";
    }

    /** A long-lived token Secret of a ServiceAccount, filled by Kubernetes' token controller. */
    public record TokenView(String name, String serviceAccount) {}

    /** One ServiceAccount and its cloud identity annotations. */
    public record ServiceAccountView(String name, Map<String, String> annotations) {}

    /** A workload's own API rights: a Role and the RoleBinding that grants it to the ServiceAccount. */
    public record GrantView(String name, String serviceAccount, String apiGroup, List<String> resources,
                            List<String> verbs) {}

    /** One access level: a Role and the RoleBinding that grants it to the members. */
    public record AccessView(String level, String name, List<SubjectView> subjects) {}

    /** A RoleBinding subject from the spec's {@code group:x} or {@code user:x}. */
    public record SubjectView(String kind, String name) {
        static SubjectView of(String member) {
            if (member.startsWith("group:")) {
                return new SubjectView("Group", member.substring("group:".length()));
            }
            return new SubjectView("User", member.startsWith("user:") ? member.substring("user:".length()) : member);
        }
    }

    /** One egress policy of two engines' of a stage, on the ports of both, in ascending order when they differ. */
    private static TenancyNeeds.Egress union(TenancyNeeds.Egress first, TenancyNeeds.Egress second) {
        if (first.equals(second)) {
            return first;
        }
        if (!first.from().equals(second.from())) {
            throw new IllegalStateException("two egress policies " + first.name() + " from different pods");
        }
        TreeSet<Integer> ports = new TreeSet<>(first.ports());
        ports.addAll(second.ports());
        return new TenancyNeeds.Egress(first.name(), first.from(), List.copyOf(ports));
    }
}
