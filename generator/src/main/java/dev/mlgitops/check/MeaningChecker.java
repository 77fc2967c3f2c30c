package dev.mlgitops.check;

import java.util.ArrayList;
import java.util.List;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;

/**
 * Checks what a schema cannot say, on the spec as written and on every environment. A mistake in
 * the shared spec yields the same finding for each environment, and {@link Findings} keeps one.
 */
public final class MeaningChecker {

    private static final List<MeaningRule> RULES = List.of(
            new StepGraph(),
            new RegisterModelNeedsRegistry(),
            new RegisterModelGate(),
            new ServedModelSource(),
            new RegisteredAliasPinned(),
            new DatasetStorePorts(),
            new ReplicaBounds(),
            new OtherEnginesFields(),
            new QualityOfServedModels(),
            new AuthNeedsIdentity(),
            new ModelFormatNeedsKserve(),
            new FeastRegistryScheme(),
            new MlflowImageDrivers(),
            new CronSchedules(),
            new PositiveQuantities(),
            new NameLengths(),
            new GpusWithinQuota(),
            new ExistingSecretNames(),
            new PlainSecrets(),
            new SystemSubjects(),
            new GitOpsTarget(),
            new ClusterNamespaces(),
            new Waivers());

    private final List<String> deniedNamespaces;

    public MeaningChecker() {
        this(List.of());
    }

    /** @param deniedNamespaces namespaces of the platform no environment may use, beside the reserved ones */
    public MeaningChecker(List<String> deniedNamespaces) {
        this.deniedNamespaces = List.copyOf(deniedNamespaces);
    }

    /** Checks the spec as written ({@code loaded}) and as resolved for every environment ({@code project}). */
    public void check(LoadedSpec loaded, ResolvedProject project, Findings findings) {
        UrlCredentials.check(loaded, findings);
        check(project, findings);
    }

    public void check(ResolvedProject project, Findings findings) {
        List<ResolvedEnvironment> all = new ArrayList<>();
        all.add(project.base());
        all.addAll(project.environments());
        for (ResolvedEnvironment environment : all) {
            for (MeaningRule rule : RULES) {
                rule.check(environment, findings);
            }
        }
        Fleets.check(project, findings);
        DistinctPlacements.check(project, findings);
        ReservedNamespaces.check(project, deniedNamespaces, findings);
    }
}
