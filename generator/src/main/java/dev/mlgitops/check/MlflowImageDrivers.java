package dev.mlgitops.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * MLflow's base image ({@code ghcr.io/mlflow/mlflow:<version>}) holds the core package only: no
 * database driver and no S3, GCS or Azure client (mlflow/mlflow docker/README.md). The tracking
 * server always has a database here, so the base image fails at start; the {@code -full} variant
 * (MLflow 3.9 and later, {@code mlflow[extras,azure,db,...]}) or an image built with the drivers
 * works. Only the base image is recognisable: any other image is the user's to build right.
 */
final class MlflowImageDrivers implements MeaningRule {

    /** The repository of MLflow's own images, with a tag (a digest alone says nothing of the variant). */
    private static final Pattern BASE = Pattern.compile("^(?:docker\\.io/)?ghcr\\.io/mlflow/mlflow:([^@/]+)(?:@.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    /** The pip packages a database needs; when the spec does not say which, PostgreSQL's (the reference's). */
    private static final Map<String, String> DATABASE_DRIVERS = Map.of(
            "postgresql", "psycopg2-binary", "mysql", "pymysql", "mssql", "pyodbc");
    /** The pip packages an artifact store's scheme needs. */
    private static final Map<String, String> STORE_CLIENTS = Map.of(
            "s3", "boto3", "gs", "google-cloud-storage", "wasbs", "azure-storage-blob azure-identity",
            "az", "azure-storage-blob azure-identity", "abfss", "azure-storage-file-datalake azure-identity");

    /** The image the generator uses when the spec names none; it has every driver. */
    static final String FULL_IMAGE = "ghcr.io/mlflow/mlflow:v3.16.1-full";

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec.ModelRegistry registry = environment.spec().modelRegistry();
        if (registry == null || !"mlflow".equals(registry.engine()) || registry.image() == null
                || !environment.spec().images().containsKey(registry.image())) {
            return;
        }
        String image = environment.image(registry.image());
        Matcher base = BASE.matcher(image);
        if (!base.matches() || base.group(1).endsWith("-full")) {
            return;
        }
        findings.add(environment.locator().finding(Code.CHECK_MLFLOW_IMAGE, "/modelRegistry/image",
                Code.CHECK_MLFLOW_IMAGE.message(image, needs(registry), FULL_IMAGE, String.join(" ", packages(registry)))));
    }

    /** What the server needs that the base image lacks, in words. */
    private static String needs(Spec.ModelRegistry registry) {
        String database = registry.backendStore().database();
        List<String> needs = new ArrayList<>();
        needs.add("a driver for its " + (database == null ? "database" : database + " database"));
        String scheme = scheme(registry.artifactRoot());
        if (STORE_CLIENTS.containsKey(scheme)) {
            needs.add("a client for its " + scheme + ":// artifact store");
        }
        return String.join(" and ", needs);
    }

    private static Set<String> packages(Spec.ModelRegistry registry) {
        String database = registry.backendStore().database();
        Set<String> packages = new LinkedHashSet<>();
        packages.add(DATABASE_DRIVERS.get(database == null ? "postgresql" : database));
        String client = STORE_CLIENTS.get(scheme(registry.artifactRoot()));
        if (client != null) {
            packages.add(client);
        }
        return packages;
    }

    private static String scheme(String uri) {
        Matcher scheme = SCHEME.matcher(uri == null ? "" : uri);
        return scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
