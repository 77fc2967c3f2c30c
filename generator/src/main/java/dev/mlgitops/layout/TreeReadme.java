package dev.mlgitops.layout;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.mlgitops.model.ApplicationsIn;
import dev.mlgitops.model.Fleet;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;

/**
 * The tree's README.md: what the tree is, its layout, which Argo CD object syncs what in each
 * environment, and how a platform admin bootstraps it. Laid out from every environment, like the
 * AppProject; the same input gives the same bytes.
 */
final class TreeReadme {

    private TreeReadme() {
    }

    /**
     * @param stages each environment's stages, by name, in promotion order
     */
    static String text(String header, String project, ArgoCdObjects argoCd, List<Target> targets, Map<String, List<Stage>> stages,
                       ApplicationsIn applicationsIn) {
        StringBuilder md = new StringBuilder(header).append('\n');
        String root = argoCd.repositoryPath("").replaceAll("/$", "");
        md.append("# ").append(project).append(": the GitOps tree\n\n");
        md.append("mlgitops generated this folder (").append(root.isEmpty() ? "the repository's root" : "`" + root + "`")
                .append(" of ").append(code(argoCd.gitops().repoURL())).append(", revision ")
                .append(code(argoCd.gitops().targetRevision())).append(") from the project's spec; Argo CD syncs it. Change the")
                .append(" spec and generate again: the next generate overwrites a file edited here, and never touches a file")
                .append(" without the generator's header.\n\n");

        md.append("## Layout\n\n| path | what |\n| --- | --- |\n");
        md.append("| `base/<stage>/` | each stage's objects as the spec writes them, one object per file, and their `kustomization.yaml` |\n");
        md.append("| `overlays/<env>/<stage>/` | what the environment changes: namespace, environment label, pinned images and models, patches |\n");
        md.append("| `overlays/<env>/release.yaml` | the release the environment pins (read by mlgitops, not an object) |\n");
        md.append("| `argocd/appproject.yaml` | the AppProject `").append(project)
                .append("`: the repository, the destinations and the kinds the tree may create |\n");
        md.append("| `argocd/<env>/root.yaml` | the environment's root Application (app of apps): it syncs `argocd/<env>/apps/`, a folder it does not lie in |\n");
        md.append("| `argocd/<env>/apps/<stage>.yaml` | one Application per stage, or one ApplicationSet per stage for an environment on several clusters |\n");
        md.append("| `argocd/<env>/bootstrap.yaml` | the AppProject and the environment's root Application: what a platform admin applies once |\n");
        md.append("| `PREREQUISITES.md` | what the clusters and Argo CD need before a sync works |\n\n");

        md.append("## What syncs what\n\n");
        md.append("Each root Application syncs its environment's `apps/` folder; each object there syncs one overlay. Sync waves")
                .append(" order the stages: ").append(waves()).append(".\n");
        for (Target target : targets) {
            md.append("\n### ").append(target.environment()).append("\n\n");
            md.append("Namespace `").append(target.namespace()).append("` ").append(where(target)).append("; sync: ")
                    .append(target.autoSync() ? "auto (prune and self-heal)" : "manual").append(".\n\n");
            md.append("| Argo CD object | file | syncs | wave |\n| --- | --- | --- | --- |\n");
            String folder = "argocd/" + target.environment();
            md.append("| Application `").append(project).append('-').append(target.environment()).append("` (root) | `")
                    .append(folder).append("/root.yaml` | `").append(argoCd.repositoryPath(Layout.appsFolder(target.environment())))
                    .append("` | - |\n");
            String kind = target.fleetOf().isPresent() ? "ApplicationSet" : "Application";
            for (Stage stage : stages.getOrDefault(target.environment(), List.of())) {
                md.append("| ").append(kind).append(" `").append(project).append('-').append(target.environment()).append('-')
                        .append(stage.folder()).append("` | `").append(folder).append("/apps/").append(stage.folder())
                        .append(".yaml` | `").append(argoCd.repositoryPath("overlays/" + target.environment() + "/" + stage.folder()))
                        .append("` | ").append(stage.syncWave()).append(" |\n");
            }
        }

        md.append("\n## Bootstrap\n\n");
        md.append("First install what `PREREQUISITES.md` lists and read `argocd/appproject.yaml`: it is the platform's fence")
                .append(" around this project, applied by an admin, never synced from this folder.");
        boolean team = applicationsIn == ApplicationsIn.TEAM_NAMESPACES;
        if (team) {
            md.append(" The Applications live in their environment's namespace, so Argo CD (3.2 or later) must list")
                    .append(" those namespaces in `application.namespaces` of `argocd-cmd-params-cm`: ")
                    .append(targets.stream().map(t -> "`" + t.namespace() + "`").distinct().collect(Collectors.joining(", ")))
                    .append(".");
        }
        md.append(" For the waves between the stage Applications to hold, Argo CD must assess the health of Applications")
                .append(" (the `resource.customizations.health.argoproj.io_Application` entry of `argocd-cm`).\n\n");
        md.append("Then, from a checkout of the repository, once per environment:\n\n```sh\n");
        for (Target target : targets) {
            if (team) {
                md.append("kubectl create namespace ").append(target.namespace()).append("   # the root Application lives there\n");
            }
            md.append("kubectl apply -f ").append(argoCd.repositoryPath("argocd/" + target.environment() + "/bootstrap.yaml"))
                    .append('\n');
        }
        md.append("```\n\nEach file names its namespaces: pass no `-n`. From then on each root Application syncs its")
                .append(" environment's `apps/` folder, and a change reaches the clusters by a commit to this repository.\n");
        return md.toString();
    }

    private static String where(Target target) {
        if (target.fleetOf().isEmpty()) {
            return "on cluster `" + target.cluster() + "`";
        }
        Fleet fleet = target.fleet();
        String rollout = fleet.progressive() ? ", rolled out progressively: one wave after another, each once the one before is healthy"
                : ", all at once";
        if (fleet.selects()) {
            String labels = fleet.matchLabels().entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                    .collect(Collectors.joining(", "));
            String waves = fleet.progressive() ? " (waves by the `" + Fleet.WAVE_LABEL + "` label: "
                    + fleet.waves().stream().map(w -> "`" + w + "`").collect(Collectors.joining(", ")) + ")" : "";
            return "on every Argo CD cluster labelled " + labels + rollout + waves;
        }
        return "on " + fleet.members().size() + " clusters, " + fleet.members().stream().map(m -> "`" + m.name() + "`")
                .collect(Collectors.joining(", ")) + rollout + (fleet.progressive() ? ", in that order" : "")
                + "; one Application per cluster";
    }

    private static String waves() {
        return java.util.Arrays.stream(Stage.values()).map(stage -> stage.folder() + " " + stage.syncWave())
                .collect(Collectors.joining(", "));
    }

    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}
