package dev.mlgitops.git;

import static dev.mlgitops.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.layout.Kustomize;
import dev.mlgitops.layout.Layout;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.release.PastRelease;
import dev.mlgitops.release.Promotion;
import dev.mlgitops.release.PromotionResult;
import dev.mlgitops.release.Release;
import dev.mlgitops.release.ReleaseDiff;
import dev.mlgitops.release.Releases;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.render.Renderer;
import dev.mlgitops.report.DeletionGuard;
import dev.mlgitops.report.ObjectChange;
import dev.mlgitops.report.TreeReview;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.typed.Typer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The walk of docs/promotion.md on the reference project, with a real bare repository read back
 * by the stock git command line and every overlay built by the real {@code kubectl kustomize}:
 * publish, change the trainer image and the scorer's model, publish (only dev moves), promote
 * dev to staging, staging to prod on a branch for a pull request, refuse prod from dev directly,
 * roll prod back.
 */
class PromotionFlowTest {

    private static final Path REFERENCE = Path.of("..", "example-repo", "mlproject.yaml");
    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final String TRAINER = "registry.example.com/risk/fraud-trainer";
    private static final String MODELS = "s3://risk-ml/models/fraud-classifier/";

    @TempDir
    Path temp;

    @Test
    void aNewImageReachesDevOnPublishAndTheOthersOnlyByPromotionAndProdRollsBack() throws IOException {
        String url = GitCli.bare(temp.resolve("gitops.git")).toUri().toString();
        Path clone = temp.resolve("work");

        // 1. the first publish pins the spec's artifacts everywhere
        OutputTree first = generate(spec("1.4.2", "3"), Map.of());
        publish(first, url, clone, "main", Optional.empty(), List.of());
        Map<String, String> committed = read(url, clone);
        Release one = Releases.pinned(committed).get("prod");
        assertThat(Releases.pinned(committed)).containsOnlyKeys(ENVIRONMENTS).allSatisfy((env, r) -> assertThat(r).isEqualTo(one));
        assertThat(one.images()).containsEntry("trainer", TRAINER + ":1.4.2");
        assertThat(one.models()).containsEntry("scorer", MODELS + "3");

        // 2. a new trainer image and model: only dev, which tracks the spec, moves; no guard refuses it
        OutputTree second = generate(spec("1.5.0", "4"), Releases.pinned(committed));
        TreeReview review = TreeReview.of(second, committed, "prod");
        assertThat(DeletionGuard.defaults().refusals(review)).isEmpty();
        assertThat(review.changes()).extracting(ObjectChange::environment).containsOnly("dev");
        assertThat(ReleaseDiff.markdown(committed, second.files())).startsWith("## Releases\n\n- `dev`: release `" + one.id() + "` → `")
                .contains("  - `images.trainer`: `" + TRAINER + ":1.4.2` → `" + TRAINER + ":1.5.0`\n")
                .contains("  - `models.scorer`: `" + MODELS + "3` → `" + MODELS + "4`\n")
                .doesNotContain("`staging`", "`prod`");
        publish(second, url, clone, "main", Optional.empty(), List.of());
        committed = read(url, clone);
        Release two = Releases.pinned(committed).get("dev");
        assertThat(Releases.pinned(committed)).containsEntry("staging", one).containsEntry("prod", one);
        assertThat(images(clone, "staging")).containsOnly(TRAINER + ":1.4.2");
        assertThat(images(clone, "dev")).containsOnly(TRAINER + ":1.5.0");
        assertThat(storageUri(clone, "staging")).isEqualTo(MODELS + "3");
        assertThat(storageUri(clone, "dev")).isEqualTo(MODELS + "4");

        // 3. promote dev -> staging: the tree a promotion writes is the tree generate then keeps
        PromotionResult toStaging = Promotion.to(committed, ENVIRONMENTS, "staging").setHistory(history(url, clone)).call();
        assertThat(toStaging.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(toStaging.message()).isEqualTo("promoted release " + two.id() + " from dev to staging (was " + one.id() + ")");
        assertThat(toStaging.files()).isEqualTo(generate(spec("1.5.0", "4"), Releases.pinned(toStaging.files())).files());
        assertThat(changedPaths(committed, toStaging.files())).allMatch(path -> path.startsWith("overlays/staging/"))
                .contains("overlays/staging/release.yaml", "overlays/staging/training/kustomization.yaml",
                        "overlays/staging/serving/kustomization.yaml");
        publish(tree(toStaging), url, clone, "main", Optional.of(toStaging.subject("fraud-detection")), toStaging.trailers());
        assertThat(images(clone, "staging")).containsOnly(TRAINER + ":1.5.0");
        assertThat(storageUri(clone, "staging")).isEqualTo(MODELS + "4");
        assertThat(git(temp.resolve("gitops.git"), "log", "-1", "--format=%B", "main")).endsWith("""
                Release: %s
                Previous-Release: %s
                Promoted-From: dev
                Promoted-To: staging
                Artifact: images.trainer %s:1.4.2 -> %s:1.5.0
                Artifact: models.scorer %s3 -> %s4

                """.formatted(two.id(), one.id(), TRAINER, TRAINER, MODELS, MODELS));

        // 4. promote staging -> prod on a branch for a pull request, which is then merged
        committed = read(url, clone);
        PromotionResult toProd = Promotion.to(committed, ENVIRONMENTS, "prod").setHistory(history(url, clone)).call();
        assertThat(toProd.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        publish(tree(toProd), url, clone, "main", Optional.of(toProd.subject("fraud-detection")), toProd.trailers(),
                "promote-prod-" + two.id());
        assertThat(git(temp.resolve("gitops.git"), "show", "promote-prod-" + two.id() + ":projects/fraud-detection/overlays/prod/release.yaml"))
                .contains("release: " + two.id() + "\n");
        git(temp.resolve("gitops.git"), "update-ref", "refs/heads/main", "refs/heads/promote-prod-" + two.id());

        // 5. another image reaches dev; prod refuses it from dev directly, since staging never had it
        committed = read(url, clone);
        OutputTree third = generate(spec("1.6.0", "4"), Releases.pinned(committed));
        assertThat(DeletionGuard.defaults().refusals(TreeReview.of(third, committed, "prod"))).isEmpty();
        publish(third, url, clone, "main", Optional.empty(), List.of());
        committed = read(url, clone);
        Release three = Releases.pinned(committed).get("dev");
        PromotionResult skipping = Promotion.to(committed, ENVIRONMENTS, "prod").setFrom("dev").setHistory(history(url, clone)).call();
        assertThat(skipping.status()).isEqualTo(PromotionResult.Status.REFUSED);
        assertThat(skipping.message()).isEqualTo("prod accepts only a release staging has had, and staging never had release "
                + three.id() + " (dev's): promote it to staging first, or allow skipping staging (--allow-skip)");
        assertThat(skipping.files()).isEqualTo(committed);
        PromotionResult allowed = Promotion.to(committed, ENVIRONMENTS, "prod").setFrom("dev").setAllowSkip(true).call();
        assertThat(allowed.status()).isEqualTo(PromotionResult.Status.PROMOTED);
        assertThat(allowed.trailers()).contains("Skipped: staging");

        // 6. roll prod back to the release it had before, found in the repository's history
        PromotionResult rollback = Promotion.to(committed, ENVIRONMENTS, "prod").setRelease(one.id())
                .setHistory(history(url, clone)).call();
        assertThat(rollback.status()).isEqualTo(PromotionResult.Status.ROLLED_BACK);
        publish(tree(rollback), url, clone, "main", Optional.of(rollback.subject("fraud-detection")), rollback.trailers());
        assertThat(images(clone, "prod")).containsOnly(TRAINER + ":1.4.2");
        assertThat(storageUri(clone, "prod")).isEqualTo(MODELS + "3");
        assertThat(images(clone, "staging")).containsOnly(TRAINER + ":1.5.0");
        assertThat(images(clone, "dev")).containsOnly(TRAINER + ":1.6.0");

        // the repository's log reads as the promotion history
        assertThat(git(temp.resolve("gitops.git"), "log", "--format=%s", "main")).isEqualTo("""
                fraud-detection: roll prod back to release %s
                fraud-detection: publish dev (release, training), base (training)
                fraud-detection: promote release %s from staging to prod
                fraud-detection: promote release %s from dev to staging
                fraud-detection: publish dev (release, serving, training), base (serving, training)
                fraud-detection: publish %s
                """.formatted(one.id(), two.id(), two.id(), firstSubject(url)));
    }

    @Test
    void anEnvironmentThatTracksLatestFollowsTheSpecAndTheOthersKeepTheirPins() throws IOException {
        Map<String, Release> pinned = Releases.pinned(generate(spec("1.4.2", "3"), Map.of()).files());
        Path spec = spec("1.5.0", "4");
        String text = Files.readString(spec);
        String staging = "      namespace: fraud-staging\n      sync: auto\n";
        assertThat(text).contains(staging);
        Files.writeString(spec, text.replace(staging, staging + "      track: latest\n"));

        SortedMap<String, Release> releases = Releases.pinned(generate(spec, pinned).files());

        assertThat(releases.get("dev").images()).containsEntry("trainer", TRAINER + ":1.5.0");
        assertThat(releases.get("staging")).isEqualTo(releases.get("dev"));
        assertThat(releases.get("prod")).isEqualTo(pinned.get("prod"));
        assertThat(releases.get("prod").models()).containsEntry("scorer", MODELS + "3");
    }

    /** The reference spec with the trainer's tag and the scorer's model version set. */
    private Path spec(String trainerTag, String modelVersion) throws IOException {
        String text = Files.readString(REFERENCE).replace(TRAINER + ":1.4.2", TRAINER + ":" + trainerTag)
                .replace(MODELS + "3", MODELS + modelVersion);
        Path folder = Files.createDirectories(temp.resolve("spec-" + trainerTag + "-" + modelVersion));
        return Files.writeString(folder.resolve("mlproject.yaml"), text);
    }

    /** The pipeline of MlGitops.build, with the pinned releases given to the layout (the porcelain will pass them). */
    static OutputTree generate(Path specFile, Map<String, Release> pinned) {
        ResolvedProject project = MlGitops.validate(specFile, GenerateOptions.defaults()).project().orElseThrow();
        Findings findings = new Findings();
        Renderer renderer = new Renderer(Blueprints.of(Optional.empty()));
        Typer typer = new Typer();
        List<TypedObject> base = typer.type(renderer.render(project.base(), findings), findings);
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            environments.put(environment.name(), typer.type(renderer.render(environment, findings), findings));
        }
        assertThat(findings.hasErrors()).as("findings: %s", findings).isFalse();
        return Layout.lay(project, base, environments, pinned);
    }

    private static void publish(OutputTree tree, String url, Path clone, String branch, Optional<String> subject,
            List<String> trailers, String... newBranch) {
        PublishResult result = GitOps.publish(tree, url).setBranch(branch).setWorkFolder(clone).setEnvironment(Map.of())
                .setAuthor("Release Manager", "releases@example.com").setProject("fraud-detection")
                .setMessage(subject.orElse(null)).setTrailers(trailers).setNewBranch(newBranch.length == 0 ? null : newBranch[0])
                .setPush(true).call();
        assertThat(result.status()).isEqualTo(PublishResult.Status.PUSHED);
    }

    private static SortedMap<String, String> read(String url, Path clone) {
        return GitOps.readTree(url, "projects/fraud-detection").setWorkFolder(clone).setBranch("main").call();
    }

    private static List<PastRelease> history(String url, Path clone) {
        return GitOps.readReleases(url, "projects/fraud-detection", ENVIRONMENTS).setWorkFolder(clone).setBranch("main").call();
    }

    private static OutputTree tree(PromotionResult result) {
        return new OutputTree("projects/fraud-detection", new TreeMap<>(result.files()));
    }

    private static List<String> changedPaths(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(path -> !after.get(path).equals(before.get(path))).toList();
    }

    private String firstSubject(String url) {
        String log = git(temp.resolve("gitops.git"), "log", "--format=%s", "main");
        String[] lines = log.strip().split("\n");
        return lines[lines.length - 1].substring("fraud-detection: publish ".length());
    }

    /** The trainer images of the environment's training stage, as kubectl kustomize builds it from a fresh checkout. */
    private List<String> images(Path clone, String environment) {
        return build(environment, "training").stream()
                .flatMap(object -> object.findValues("image").stream().map(node -> node.asString()))
                .filter(image -> image.startsWith(TRAINER)).distinct().toList();
    }

    private String storageUri(Path clone, String environment) {
        return build(environment, "serving").stream().filter(o -> o.path("kind").asString().equals("InferenceService"))
                .findFirst().orElseThrow().at("/spec/predictor/model/storageUri").asString();
    }

    private List<ObjectNode> build(String environment, String stage) {
        Path checkout = temp.resolve("checkout-" + System.nanoTime());
        git(temp, "clone", "--quiet", "--branch", "main", temp.resolve("gitops.git").toUri().toString(), checkout.toString());
        return Kustomize.build(checkout.resolve("projects/fraud-detection/overlays/" + environment + "/" + stage));
    }
}
