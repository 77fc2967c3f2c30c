package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.RuntimeContract;
import dev.mlgitops.render.RuntimeContract.Requirement;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;

/**
 * Proves over each environment's final objects that the tree would run, not only apply: every
 * wired connection passes the NetworkPolicies, every workload fits the quota, every pod with what
 * operators inject is admitted by the namespace's Pod Security level; and lists what the clusters
 * need installed. Findings point at the spec item whose objects fail; the same finding in several
 * environments is reported once.
 */
public final class FunctionChecker {

    /**
     * @param environments each environment's typed objects by name, in promotion order
     * @return the prerequisites of the whole tree
     */
    public Prerequisites check(ResolvedProject project, Map<String, List<TypedObject>> environments, Findings findings) {
        // by requirement: environments whose cluster facts differ need different things of one component
        Map<Requirement, List<String>> needed = new LinkedHashMap<>();
        Map<String, List<String>> stores = new LinkedHashMap<>();
        Map<String, List<String>> storeNamespaces = new LinkedHashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            List<TypedObject> objects = environments.getOrDefault(environment.name(), List.of());
            String namespace = environment.target().map(Target::namespace).orElse("");
            List<Workloads.Workload> workloads = Workloads.of(objects);
            List<Finding> found = new ArrayList<>();
            new Reachability(environment, namespace, objects, workloads).check(found);
            new QuotaFit(environment.locator(), objects).check(environment.name(), workloads, found);
            new Admission(environment.locator(), level(objects)).check(workloads, found);
            new ExecutorToken(environment.locator()).check(objects, found);
            new SecretStores(environment.locator()).check(environment.name(), namespace, objects, found);
            SecretStores.missing(objects).ifPresent(store -> {
                stores.computeIfAbsent(store, key -> new ArrayList<>()).add(environment.name());
                storeNamespaces.computeIfAbsent(store, key -> new ArrayList<>()).add(namespace);
            });
            found.forEach(findings::add);
            Map<String, Requirement> requirements = requirements(environment.spec().cluster());
            List<TypedObject> running = new ArrayList<>(objects);
            // what a workflow creates at run time needs its operator as much as what Argo CD applies
            // (looked up by key: a list's contains compares whole manifests, for every workload against every object)
            Map<ObjectKey, List<TypedObject>> byKey = new HashMap<>();
            objects.forEach(o -> byKey.computeIfAbsent(o.key(), key -> new ArrayList<>()).add(o));
            workloads.stream().map(Workloads.Workload::object)
                    .filter(o -> !byKey.getOrDefault(o.key(), List.of()).contains(o)).forEach(running::add);
            // what the pods ask of the nodes, then what each kind of object needs installed, in the objects' order
            List<Requirement> of = new ArrayList<>(ClusterServices.gpus(workloads));
            for (TypedObject object : running) {
                Optional.ofNullable(requirements.get(object.key().groupKind())).ifPresent(of::add);
                of.addAll(ClusterServices.certificates(object, namespace));
                of.addAll(settings(object));
            }
            for (Requirement requirement : of) {
                List<String> by = needed.computeIfAbsent(requirement, key -> new ArrayList<>());
                if (!by.contains(environment.name())) {
                    by.add(environment.name());
                }
            }
        }
        List<Prerequisites.Item> items = new ArrayList<>();
        needed.forEach((requirement, by) -> {
            items.add(new Prerequisites.Item(requirement.component(), requirement.version(), requirement.crds(),
                    requirement.namespace(), requirement.settings(), by));
        });
        stores.forEach((store, by) -> items.add(new Prerequisites.Item("SecretStore " + store + " (External Secrets Operator)",
                "external-secrets.io/v1", "secretstores.external-secrets.io", String.join(", ", storeNamespaces.get(store)),
                "a namespaced store the platform creates in each of these namespaces with the backend's credentials:"
                        + " the tree makes none and its AppProject allows none", by)));
        fleetController(project).ifPresent(items::add);
        return new Prerequisites(Prerequisites.sorted(items));
    }

    /**
     * An environment on a fleet is synced through ApplicationSets, which live beside the
     * environment's Applications: the ApplicationSet controller must reconcile them there, and
     * run RollingSync where a rollout is progressive.
     */
    private static Optional<Prerequisites.Item> fleetController(ResolvedProject project) {
        List<Target> fleets = project.environments().stream().flatMap(environment -> environment.target().stream())
                .filter(target -> target.fleetOf().isPresent()).toList();
        if (fleets.isEmpty()) {
            return Optional.empty();
        }
        String namespaces = fleets.stream().map(Target::namespace).distinct().sorted().collect(Collectors.joining(", "));
        String settings = "argocd-cmd-params-cm: applicationsetcontroller.namespaces lists " + namespaces
                + " (ApplicationSets in any namespace, like application.namespaces; not needed with the Applications"
                + " in Argo CD's namespace)";
        if (fleets.stream().anyMatch(target -> target.fleet().progressive())) {
            settings += "; applicationsetcontroller.enable.progressive.syncs: \"true\" (RollingSync)";
        }
        return Optional.of(new Prerequisites.Item("Argo CD ApplicationSet controller",
                "Argo CD v2.8 or later (ApplicationSets in any namespace)", "applicationsets.argoproj.io", "argocd",
                settings, fleets.stream().map(Target::environment).toList()));
    }

    /**
     * What the cluster must run, by the {@code group/Kind} it serves: what the engines declare for the
     * kinds they emit, and what tenancy's kinds and Ingresses need (the first for a kind counts).
     */
    static Map<String, Requirement> requirements(Spec.Cluster cluster) {
        List<Requirement> all = new ArrayList<>();
        Engines.all().forEach(engine -> all.addAll(engine.requirements(cluster)));
        all.addAll(ClusterServices.requirements(cluster));
        Map<String, Requirement> byKind = new LinkedHashMap<>();
        all.forEach(requirement -> requirement.kinds().forEach(kind -> byKind.putIfAbsent(kind, requirement)));
        return byKind;
    }

    /** The settings the engines declare, each on the field of the kind that needs it. */
    private static final List<RuntimeContract.Setting> SETTINGS = Engines.all().stream()
            .flatMap(engine -> engine.contract().settings().stream()).distinct().toList();

    /** What the cluster must allow for the fields {@code object} uses: the settings the engines declare for them. */
    private static List<Requirement> settings(TypedObject object) {
        String kind = object.key().groupKind();
        List<Requirement> needed = new ArrayList<>();
        for (RuntimeContract.Setting setting : SETTINGS) {
            if (setting.kind().equals(kind) && !object.manifest().at(setting.field()).isMissingNode()) {
                needed.add(new Requirement(List.of(kind), setting.component(), "any", "", setting.namespace(), setting.setting()));
            }
        }
        return needed;
    }

    /** The Pod Security level the environment's Namespace enforces; privileged (no check) when none. */
    private static String level(List<TypedObject> objects) {
        for (TypedObject object : objects) {
            if (object.key().kind().equals("Namespace")) {
                return object.manifest().path("metadata").path("labels")
                        .path("pod-security.kubernetes.io/enforce").asString("privileged");
            }
        }
        return "privileged";
    }
}
