package dev.mlgitops.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.yaml.Header;
import dev.mlgitops.yaml.KubeYaml;

class ReleaseTest {

    private static final String SCORER = "registry.example.com/risk/fraud-scorer@sha256:"
            + "3f1c5e0b9a1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e";
    private static final Release REFERENCE = Release.of(Map.of(
            "trainer", "registry.example.com/risk/fraud-trainer:1.4.2",
            "scorer", SCORER,
            "notebook", "quay.io/jupyter/scipy-notebook:2024-10-07"),
            Map.of("scorer", "s3://risk-ml/models/fraud-classifier/3"));

    @Test
    void theIdIsTheStartOfTheSha256OfOneSortedLinePerArtifact() {
        // printf 'images.notebook=...\nimages.scorer=...\nimages.trainer=...\nmodels.scorer=...\n' | sha256sum
        assertThat(REFERENCE.id()).isEqualTo("8a3bec2f7fdd");
        // printf 'images.trainer=r/t:1\n' | sha256sum
        assertThat(Release.of(Map.of("trainer", "r/t:1"), Map.of()).id()).isEqualTo("4b44e3ae794d");
    }

    @Test
    void itsFileReadsBackAsTheSameRelease() {
        String text = Header.forSource("mlproject.yaml") + KubeYaml.write(REFERENCE.toYaml());

        assertThat(text).isEqualTo(Header.forSource("mlproject.yaml") + """
                release: 8a3bec2f7fdd
                images:
                  notebook: quay.io/jupyter/scipy-notebook:2024-10-07
                  scorer: %s
                  trainer: registry.example.com/risk/fraud-trainer:1.4.2
                models:
                  scorer: s3://risk-ml/models/fraud-classifier/3
                """.formatted(SCORER));
        assertThat(Release.parse("overlays/prod/release.yaml", text)).isEqualTo(REFERENCE);
        assertThat(Releases.pinned(Map.of("overlays/prod/release.yaml", text, "overlays/prod/serving/kustomization.yaml",
                "resources: []\n"))).containsOnlyKeys("prod");
    }

    @Test
    void datasetsAreArtifactsOfTheReleaseInItsIdAndItsFile() {
        Release withData = Release.of(Map.of("trainer", "r/t:1"), Map.of(),
                Map.of("transactions.uri", "s3://b/t", "transactions.version", "v3"));
        // printf 'datasets.transactions.uri=s3://b/t\ndatasets.transactions.version=v3\nimages.trainer=r/t:1\n' | sha256sum
        assertThat(withData.canonical()).isEqualTo("datasets.transactions.uri=s3://b/t\ndatasets.transactions.version=v3\n"
                + "images.trainer=r/t:1\n");
        assertThat(withData.id()).isEqualTo("bfe40af6b547");
        String text = KubeYaml.write(withData.toYaml());
        assertThat(text).isEqualTo("""
                release: %s
                images:
                  trainer: r/t:1
                datasets:
                  transactions.uri: s3://b/t
                  transactions.version: v3
                """.formatted(withData.id()));
        assertThat(Release.parse("overlays/prod/release.yaml", text)).isEqualTo(withData);
    }

    @Test
    void aFileEditedByHandIsRefusedWithBothIds() {
        String text = KubeYaml.write(REFERENCE.toYaml()).replace("1.4.2", "1.4.3");

        assertThatThrownBy(() -> Release.parse("overlays/prod/release.yaml", text))
                .isInstanceOf(MlGitopsException.class)
                .hasMessageStartingWith("reading overlays/prod/release.yaml: it records release 8a3bec2f7fdd but its artifacts are release ")
                .hasMessageEndingWith("; it was edited by hand: generate again, or promote, instead");
        assertThatThrownBy(() -> Release.parse("overlays/prod/release.yaml", "images: {}\n"))
                .hasMessage("reading overlays/prod/release.yaml: it is no release (it lacks 'release: <id>')");
    }

    @Test
    void anImageReferenceSplitsAsKustomizeReadsItAndGivesTheEntryThatSetsIt() {
        assertThat(ImageReference.parse("localhost:5000/team/app:1.2")).isEqualTo(new ImageReference("localhost:5000/team/app", "1.2", ""));
        assertThat(ImageReference.parse("localhost:5000/team/app")).isEqualTo(new ImageReference("localhost:5000/team/app", "", ""));
        assertThat(ImageReference.parse("app:1@sha256:ab")).isEqualTo(new ImageReference("app", "1", "sha256:ab"));
        assertThat(KubeYaml.write(ImageReference.parse("mirror/app:1@sha256:ab").kustomizeEntry("app")))
                .isEqualTo("name: app\nnewName: mirror/app\nnewTag: 1@sha256:ab\n");
        assertThat(KubeYaml.write(ImageReference.parse("app@sha256:ab").kustomizeEntry("app"))).isEqualTo("name: app\ndigest: sha256:ab\n");
        for (String reference : List.of("app:1", "mirror/app@sha256:ab", "mirror/app:1@sha256:ab")) {
            assertThat(ImageReference.ofKustomizeEntry(ImageReference.parse(reference).kustomizeEntry("app")).toString()).isEqualTo(reference);
        }
    }

    @Test
    void aPromotionIsRefusedWithAReasonWhereItCannotBeMade() {
        String prod = Header.forSource("mlproject.yaml") + KubeYaml.write(REFERENCE.toYaml());
        Map<String, String> files = Map.of("overlays/prod/release.yaml", prod);
        List<String> environments = List.of("dev", "staging", "prod");

        assertThat(Promotion.to(files, environments, "dev").call().message())
                .isEqualTo("dev is the first environment: it deploys the spec's artifacts on every generate, so a promotion"
                        + " to it would not last; change the spec instead");
        assertThat(Promotion.to(files, environments, "qa").call().message()).isEqualTo("no environment 'qa' in the spec (dev, staging, prod)");
        assertThat(Promotion.to(files, environments, "staging").call().message())
                .isEqualTo("overlays/staging/release.yaml is missing: the tree pins no release in staging yet; generate and publish it first");
        assertThat(Promotion.to(files, environments, "prod").call().message())
                .isEqualTo("overlays/staging/release.yaml is missing: staging pins no release to promote");
        PromotionResult unknown = Promotion.to(files, environments, "prod").setRelease("0123456789ab").call();
        assertThat(unknown.status()).isEqualTo(PromotionResult.Status.NOT_FOUND);
        assertThat(unknown.message()).isEqualTo("release 0123456789ab is not in the history of prod nor of staging;"
                + " prod has had 8a3bec2f7fdd, staging has had none");
        PromotionResult same = Promotion.to(Map.of("overlays/prod/release.yaml", prod, "overlays/staging/release.yaml", prod),
                environments, "prod").call();
        assertThat(same.status()).isEqualTo(PromotionResult.Status.UNCHANGED);
        assertThat(same.message()).isEqualTo("prod pins release 8a3bec2f7fdd already");
    }
}
