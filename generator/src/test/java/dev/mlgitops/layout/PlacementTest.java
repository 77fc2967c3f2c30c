package dev.mlgitops.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;
import dev.mlgitops.typed.TypedObject;

class PlacementTest {

    private static final TypedObject DEPLOYMENT = Fixtures.object(Stage.SERVING, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app.kubernetes.io/name: web}}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: web}}
              template: {metadata: {labels: {app.kubernetes.io/name: web}}}
            """);

    @Test
    void setsTheNamespaceAndAddsTheEnvironmentLabelToMetadataOnly() {
        TypedObject placed = Placement.place(Fixtures.PROD, List.of(DEPLOYMENT)).get(0);

        assertThat(placed.manifest().at("/metadata/namespace").asString()).isEqualTo("fraud");
        assertThat(placed.manifest().at("/metadata/labels").toString())
                .isEqualTo("{\"app.kubernetes.io/name\":\"web\",\"mlgitops.dev/environment\":\"prod\"}");
        assertThat(placed.manifest().at("/spec/selector/matchLabels").toString()).isEqualTo("{\"app.kubernetes.io/name\":\"web\"}");
        assertThat(placed.manifest().at("/spec/template/metadata/labels").toString()).isEqualTo("{\"app.kubernetes.io/name\":\"web\"}");
    }

    @Test
    void leavesItsInputUnchanged() {
        Placement.place(Fixtures.PROD, List.of(DEPLOYMENT));

        assertThat(DEPLOYMENT.manifest().at("/metadata").toString())
                .isEqualTo("{\"name\":\"web\",\"labels\":{\"app.kubernetes.io/name\":\"web\"}}");
    }

    @Test
    void renamesANamespaceObjectToTheTargetNamespaceAsKustomizeDoes() {
        TypedObject namespace = Fixtures.object(Stage.TENANCY, "{apiVersion: v1, kind: Namespace, metadata: {name: other}}");

        TypedObject placed = Placement.place(Fixtures.DEV, List.of(namespace)).get(0);

        assertThat(placed.manifest().toString())
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"fraud-dev\",\"labels\":{\"mlgitops.dev/environment\":\"dev\"}}}");
        assertThat(placed.key().name()).isEqualTo("fraud-dev");
    }

    @Test
    void movesOnlyServiceAccountSubjectsOfTheSameStageWithoutAnotherNamespace() {
        TypedObject account = Fixtures.object(Stage.TENANCY, "{apiVersion: v1, kind: ServiceAccount, metadata: {name: sa}}");
        TypedObject binding = Fixtures.object(Stage.TENANCY, """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: rb}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
                subjects:
                - {kind: ServiceAccount, name: sa}
                - {kind: ServiceAccount, name: sa, namespace: default}
                - {kind: ServiceAccount, name: sa, namespace: other}
                - {kind: ServiceAccount, name: elsewhere}
                - {kind: Group, name: sa, apiGroup: rbac.authorization.k8s.io}
                """);
        TypedObject otherStage = new TypedObject(Stage.SERVING, "serving/test", binding.key(), binding.manifest());

        List<TypedObject> placed = Placement.place(Fixtures.DEV, List.of(account, binding, otherStage));

        assertThat(placed.get(1).manifest().get("subjects").findValuesAsString("namespace"))
                .containsExactly("fraud-dev", "fraud-dev", "other");
        assertThat(placed.get(2).manifest().get("subjects").findValuesAsString("namespace"))
                .containsExactly("default", "other");
    }
}
