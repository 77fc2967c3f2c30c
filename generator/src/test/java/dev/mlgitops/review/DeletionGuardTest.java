package dev.mlgitops.review;

import static dev.mlgitops.review.TreeReviewTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.mlgitops.layout.OutputTree;
import org.junit.jupiter.api.Test;

/** The deletion guard: what it refuses, what allows it, and that a first publish passes. */
class DeletionGuardTest {

    private final OutputTree reference = ReviewTrees.reference();

    @Test
    void refusesAChangeThatRemovesAnEnvironmentsApplications() {
        OutputTree generated = ReviewTrees.withoutFolder(ReviewTrees.withoutFolder(reference, "argocd/staging"), "overlays/staging");
        TreeReview review = TreeReview.of(generated, reference.files(), "prod");

        assertThat(lines(DeletionGuard.defaults().refusals(review))).containsExactly(
                "[APPLICATIONS_REMOVED] removes 7 Argo CD Applications (Application fraud-staging/fraud-detection-staging,"
                        + " Application fraud-staging/fraud-detection-staging-feature-store,"
                        + " Application fraud-staging/fraud-detection-staging-model-registry,"
                        + " Application fraud-staging/fraud-detection-staging-monitoring,"
                        + " Application fraud-staging/fraud-detection-staging-serving, Application fraud-staging/fraud-detection-staging-tenancy,"
                        + " Application fraud-staging/fraud-detection-staging-training): Argo CD deletes everything they sync",
                "[TOO_MANY_DELETIONS] removes " + removed(review) + " of " + review.committedObjectCount()
                        + " objects, more than the 10% allowed");
        assertThat(DeletionGuard.defaults().withAllowDeletions(true).refusals(review)).isEmpty();
    }

    @Test
    void refusesRemovingAnApplicationSetAsItRemovesTheApplicationsItGenerates() {
        String applicationSet = """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: fraud-detection-prod-serving, namespace: fraud}
                spec: {generators: [{list: {elements: [{name: prod-eu}]}}], template: {metadata: {}, spec: {}}}
                """;
        OutputTree committed = reference.with("argocd/prod/apps/serving.yaml", applicationSet);
        TreeReview review = TreeReview.of(ReviewTrees.without(reference, "argocd/prod/apps/serving.yaml"), committed.files(), "prod");

        assertThat(lines(DeletionGuard.defaults().refusals(review))).containsExactly(
                "[APPLICATIONS_REMOVED] removes 1 Argo CD Application (ApplicationSet fraud/fraud-detection-prod-serving):"
                        + " Argo CD deletes everything they sync");
    }

    @Test
    void refusesRemovingMoreThanTheShareOfObjectsOnlyAboveTheShare() {
        OutputTree generated = ReviewTrees.withoutPdbAndNetworkPolicy(reference);
        TreeReview review = TreeReview.of(generated, reference.files(), "prod");
        DeletionGuard strict = DeletionGuard.defaults().withMaxDeletionsPercent(5).withAllowProdWithOthers(true);

        long removed = removed(review);
        long percent = Math.round(Math.ceil(100.0 * removed / review.committedObjectCount()));

        assertThat(percent).as("the share this test needs").isBetween(1L, 9L);
        assertThat(lines(strict.withMaxDeletionsPercent((int) percent - 1).refusals(review))).containsExactly(
                "[TOO_MANY_DELETIONS] removes " + removed + " of " + review.committedObjectCount()
                        + " objects, more than the " + (percent - 1) + "% allowed");
        assertThat(strict.withMaxDeletionsPercent((int) percent).refusals(review)).isEmpty();
    }

    @Test
    void aNewImageInTheBaseMovesNoEnvironmentThatPinsItsOwnSoNothingIsRefused() {
        OutputTree generated = ReviewTrees.edit(reference, "base/serving/deployment-fraud-detection-explainer.yaml",
                text -> text.replace("fraud-scorer@sha256:3f1c", "fraud-scorer@sha256:4f1c"));
        TreeReview review = TreeReview.of(generated, reference.files(), "prod");

        assertThat(review.changes()).isEmpty();
        assertThat(DeletionGuard.defaults().refusals(review)).isEmpty();
    }

    @Test
    void refusesChangingProductionTogetherWithOthersUnlessAllowed() {
        // a structural change: it is in the base, so it reaches every environment
        OutputTree generated = ReviewTrees.edit(reference, "base/serving/deployment-fraud-detection-explainer.yaml",
                text -> text.replace("        - explain\n", "        - explain-all\n"));
        TreeReview review = TreeReview.of(generated, reference.files(), "prod");

        assertThat(lines(DeletionGuard.defaults().refusals(review))).containsExactly(
                "[PROD_WITH_OTHERS] prod: changes production together with dev, staging: a change of structure (objects,"
                        + " resources, replicas, policies) reaches every environment, as new images and models do only by"
                        + " promotion; allow it for this change (--allow-prod-with-others, -Dmlgitops.allowProdWithOthers=true),"
                        + " or stage it: keep the old values in the later environments with overrides first, then drop the"
                        + " overrides one environment at a time");
        assertThat(DeletionGuard.defaults().withAllowProdWithOthers(true).refusals(review)).isEmpty();
    }

    @Test
    void neverRefusesTheFirstPublishIntoAnEmptyRoot() {
        TreeReview review = TreeReview.of(reference, Map.of(), "prod");

        assertThat(review.flags(DeletionGuard.defaults())).isEmpty();
        int objects = TreeReview.of(reference, reference.files(), "prod").committedObjectCount();
        assertThat(review.changes()).hasSize(objects)
                .allSatisfy(change -> assertThat(change.change()).isEqualTo(ObjectChange.Change.ADDED));
    }

    private static long removed(TreeReview review) {
        return review.changes().stream().filter(change -> change.change() == ObjectChange.Change.REMOVED).count();
    }
}
