package dev.mlgitops.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.mlgitops.layout.OutputTree;
import org.junit.jupiter.api.Test;

/** What a review finds between the reference tree and an edited copy: objects per environment, exact flags, Markdown. */
class TreeReviewTest {

    private static final String HPA = "base/serving/horizontalpodautoscaler-fraud-detection-explainer.yaml";
    private static final String DEPLOYMENT = "base/serving/deployment-fraud-detection-explainer.yaml";
    private static final String PROD_SERVING_APP = "argocd/prod/apps/serving.yaml";
    private static final String OLD_IMAGE = "fraud-scorer@sha256:3f1c";
    private static final String NEW_IMAGE = "fraud-scorer@sha256:4f1c";

    private final OutputTree reference = ReviewTrees.reference();

    @Test
    void sameTreeHasNoChangesNoFlagsAndSaysSo() {
        TreeReview review = TreeReview.of(reference, reference.files(), "prod");

        assertThat(review.changes()).isEmpty();
        assertThat(review.flags(DeletionGuard.defaults())).isEmpty();
        assertThat(review.markdown("`main`", DeletionGuard.defaults()))
                .contains("No changes: the committed tree is what the spec generates now.")
                .doesNotContain("## Flags");
    }

    @Test
    void flagsAProductionReplicaMinimumLoweredOnlyInProduction() {
        // committed: a base minimum of 3, and 4 in prod's overlay; the spec generates 1, and 2 in prod
        OutputTree committed = ReviewTrees.edit(ReviewTrees.edit(reference, HPA, text -> text.replace("minReplicas: 1", "minReplicas: 3")),
                "overlays/prod/serving/kustomization.yaml", text -> text.replace("path: /spec/minReplicas\n      value: 2\n",
                        "path: /spec/minReplicas\n      value: 4\n"));

        TreeReview review = TreeReview.of(reference, committed.files(), "prod");

        assertThat(lines(review.flags(DeletionGuard.defaults()))).containsExactly(
                "[PROD_REPLICAS_LOWERED] prod: HorizontalPodAutoscaler fraud/fraud-detection-explainer spec.minReplicas lowered from 4 to 2",
                "[PROD_WITH_OTHERS] prod: changes production together with dev, staging: a change of structure (objects,"
                        + " resources, replicas, policies) reaches every environment, as new images and models do only by"
                        + " promotion; allow it for this change (--allow-prod-with-others, -Dmlgitops.allowProdWithOthers=true),"
                        + " or stage it: keep the old values in the later environments with overrides first, then drop the"
                        + " overrides one environment at a time");
        assertThat(review.changes()).containsExactly(
                changed("dev", "serving", "HorizontalPodAutoscaler fraud-dev/fraud-detection-explainer"),
                changed("prod", "serving", "HorizontalPodAutoscaler fraud/fraud-detection-explainer"),
                changed("staging", "serving", "HorizontalPodAutoscaler fraud-staging/fraud-detection-explainer"));
    }

    @Test
    void flagsAWeakerPodSecurityLevelAsATenancyChangeForThePlatform() {
        // the committed tree enforced only baseline; the spec now generates restricted
        OutputTree committed = ReviewTrees.edit(reference, "overlays/prod/tenancy/namespace-fraud.yaml",
                text -> text.replace("pod-security.kubernetes.io/enforce: restricted", "pod-security.kubernetes.io/enforce: baseline"));

        TreeReview review = TreeReview.of(reference, committed.files(), "prod");

        assertThat(lines(review.flags(DeletionGuard.defaults()))).containsExactly(
                "[TENANCY_CHANGED] prod: Namespace fraud labels change; a platform reviewer must approve");
    }

    @Test
    void flagsAnAppProjectChangeForThePlatformThatAppliesIt() {
        OutputTree committed = ReviewTrees.edit(reference, "argocd/appproject.yaml",
                text -> text.replace("  sourceNamespaces:\n", "  sourceNamespaces:\n  - argocd\n"));

        TreeReview review = TreeReview.of(reference, committed.files(), "prod");

        assertThat(lines(review.flags(DeletionGuard.defaults())))
                .containsExactly("[TENANCY_CHANGED] (project): AppProject argocd/fraud-detection changes; a platform reviewer must approve");
    }

    @Test
    void listsAnAppProjectChangeOnceThoughEachBootstrapRepeatsIt() {
        OutputTree committed = ReviewTrees.editEverywhere(reference, "  sourceNamespaces:\n", "  sourceNamespaces:\n  - argocd\n");
        assertThat(committed.files().get("argocd/prod/bootstrap.yaml")).contains("  - argocd\n");

        TreeReview review = TreeReview.of(reference, committed.files(), "prod");

        assertThat(review.changes()).extracting(ObjectChange::environment, ObjectChange::object)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(project)", "AppProject argocd/fraud-detection"));
        assertThat(lines(review.flags(DeletionGuard.defaults())))
                .containsExactly("[TENANCY_CHANGED] (project): AppProject argocd/fraud-detection changes; a platform reviewer must approve");
    }

    @Test
    void flagsQuotaRbacAndNetworkPolicyChangesInEveryEnvironmentButNotOnAFirstPublish() {
        OutputTree generated = ReviewTrees.edit(ReviewTrees.edit(reference, "base/tenancy/resourcequota-fraud-detection-quota.yaml",
                text -> text.replace("requests.cpu: \"192\"", "requests.cpu: \"272\"")),
                "base/tenancy/rolebinding-fraud-detection-viewers.yaml", text -> text.replace("name: risk-analysts", "name: everyone"));
        OutputTree committed = ReviewTrees.without(reference, "base/tenancy/networkpolicy-fraud-detection-allow-dns.yaml");

        TreeReview review = TreeReview.of(generated, committed.files(), "dev");
        TreeReview first = TreeReview.of(generated, Map.of(), "dev");

        assertThat(lines(review.flags(DeletionGuard.defaults()))).filteredOn(line -> line.startsWith("[TENANCY_CHANGED] dev:"))
                .containsExactly(
                        "[TENANCY_CHANGED] dev: NetworkPolicy fraud-dev/fraud-detection-allow-dns is added; a platform reviewer must approve",
                        "[TENANCY_CHANGED] dev: ResourceQuota fraud-dev/fraud-detection-quota changes; a platform reviewer must approve",
                        "[TENANCY_CHANGED] dev: RoleBinding fraud-dev/fraud-detection-viewers changes; a platform reviewer must approve");
        assertThat(lines(review.flags(DeletionGuard.defaults()))).filteredOn(line -> line.startsWith("[TENANCY_CHANGED]")).hasSize(9);
        assertThat(review.markdown("`main`", DeletionGuard.defaults()))
                .contains("TENANCY_CHANGED** `prod`: ResourceQuota fraud/fraud-detection-quota changes; a platform reviewer must approve");
        assertThat(lines(first.flags(DeletionGuard.defaults()))).noneMatch(line -> line.startsWith("[TENANCY_CHANGED]"));
    }

    @Test
    void flagsARemovedPodDisruptionBudgetAndNetworkPolicyInEveryEnvironment() {
        OutputTree generated = ReviewTrees.withoutPdbAndNetworkPolicy(reference);

        TreeReview review = TreeReview.of(generated, reference.files(), "prod");

        assertThat(lines(review.flags(DeletionGuard.defaults()))).containsExactly(
                "[PDB_REMOVED] dev: PodDisruptionBudget fraud-dev/fraud-detection-explainer is removed",
                "[NETWORK_POLICY_REMOVED] dev: NetworkPolicy fraud-dev/fraud-detection-explainer-allow-http is removed",
                "[PDB_REMOVED] prod: PodDisruptionBudget fraud/fraud-detection-explainer is removed",
                "[NETWORK_POLICY_REMOVED] prod: NetworkPolicy fraud/fraud-detection-explainer-allow-http is removed",
                "[PDB_REMOVED] staging: PodDisruptionBudget fraud-staging/fraud-detection-explainer is removed",
                "[NETWORK_POLICY_REMOVED] staging: NetworkPolicy fraud-staging/fraud-detection-explainer-allow-http is removed",
                "[PROD_WITH_OTHERS] prod: changes production together with dev, staging: a change of structure (objects,"
                        + " resources, replicas, policies) reaches every environment, as new images and models do only by"
                        + " promotion; allow it for this change (--allow-prod-with-others, -Dmlgitops.allowProdWithOthers=true),"
                        + " or stage it: keep the old values in the later environments with overrides first, then drop the"
                        + " overrides one environment at a time");
        assertThat(review.files().stale()).containsExactly("base/serving/poddisruptionbudget-fraud-detection-explainer.yaml",
                "base/tenancy/networkpolicy-fraud-detection-explainer-allow-http.yaml");
    }

    @Test
    void flagsProductionSyncSwitchedToAutomatedAndNothingElseWhenOnlyProductionChanges() {
        OutputTree generated = ReviewTrees.edit(reference, PROD_SERVING_APP,
                text -> text.replace("  syncPolicy:\n", "  syncPolicy:\n    automated:\n      prune: true\n"));

        TreeReview review = TreeReview.of(generated, reference.files(), "prod");

        assertThat(lines(review.flags(DeletionGuard.defaults()))).containsExactly(
                "[PROD_SYNC_AUTOMATED] prod: Application fraud/fraud-detection-prod-serving switches to automated sync");
        assertThat(review.changes()).containsExactly(changed("prod", "argocd", "Application fraud/fraud-detection-prod-serving"));
    }

    @Test
    void markdownHasFlagsSummaryObjectsPerEnvironmentAndStageAndAUnifiedDiffPerChangedFile() {
        // every environment's overlay pins the image by its digest: a new image reaches them through the pins
        OutputTree generated = ReviewTrees.editEverywhere(reference, "sha256:3f1c", "sha256:4f1c");

        String markdown = TreeReview.of(generated, reference.files(), "prod").markdown("`main`", DeletionGuard.defaults());

        assertThat(markdown)
                .startsWith("# mlgitops review: `projects/fraud-detection`\n\nThe tree generated now, compared with `main`."
                        + " Production is `prod`.\n\n## Flags\n\n")
                .contains("- **IMAGE_CHANGED** `prod`: Deployment fraud/fraud-detection-explainer image registry.example.com/risk/"
                        + OLD_IMAGE)
                .contains("- **PROD_WITH_OTHERS** `prod`: changes production together with dev, staging: a change of structure"
                        + " (objects, resources, replicas, policies) reaches every environment, as new images and models do only"
                        + " by promotion; allow it for this change (--allow-prod-with-others,"
                        + " -Dmlgitops.allowProdWithOthers=true), or stage it: keep the old values in the later environments"
                        + " with overrides first, then drop the overrides one environment at a time (publish refuses this"
                        + " unless allowed)")
                .contains("## Summary\n\n| environment | stage | added | changed | removed |\n| --- | --- | ---: | ---: | ---: |\n"
                        + "| dev | serving | 0 | 1 | 0 |\n| prod | serving | 0 | 1 | 0 |\n| staging | serving | 0 | 1 | 0 |\n")
                .contains("### prod / serving\n\n- changed `Deployment fraud/fraud-detection-explainer`\n")
                .contains("## Files\n\n- changed `" + DEPLOYMENT + "`\n")
                .contains("### `" + DEPLOYMENT + "`\n\n```diff\n--- a/projects/fraud-detection/" + DEPLOYMENT
                        + "\n+++ b/projects/fraud-detection/" + DEPLOYMENT + "\n@@ -")
                .contains("\n-        image: registry.example.com/risk/" + OLD_IMAGE)
                .contains("\n+        image: registry.example.com/risk/" + NEW_IMAGE);
    }

    @Test
    void summaryCountsObjectsAndFilesThenListsTheFlags() {
        OutputTree generated = ReviewTrees.edit(reference, PROD_SERVING_APP,
                text -> text.replace("  syncPolicy:\n", "  syncPolicy:\n    automated:\n      prune: true\n"));

        assertThat(TreeReview.of(generated, reference.files(), "prod").summary(DeletionGuard.defaults())).containsExactly(
                "objects: 0 added, 1 changed, 0 removed; files: 0 added, 1 changed, 0 removed",
                "[PROD_SYNC_AUTOMATED] prod: Application fraud/fraud-detection-prod-serving switches to automated sync");
    }

    static List<String> lines(List<Flag> flags) {
        return flags.stream().map(Flag::line).toList();
    }

    private static ObjectChange changed(String environment, String stage, String object) {
        return new ObjectChange(environment, stage, object, ObjectChange.Change.CHANGED);
    }
}
