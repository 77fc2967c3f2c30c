package dev.mlgitops.schema;

import java.util.Map;

/**
 * What each pattern of the schema asks for, in words: a user reads "is not a Kubernetes quantity
 * such as 500m, 2, 1Gi", never a regular expression. Every pattern of the schema lives in one
 * {@code $defs} entry, so this table is keyed by that entry's name (a test keeps the two in step).
 */
final class PatternExplanations {

    private static final String DNS_LABEL =
            "is not a DNS-1035 label: use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";

    private static final Map<String, String> BY_DEFINITION = Map.ofEntries(
            Map.entry("name", DNS_LABEL),
            Map.entry("projectName", DNS_LABEL),
            Map.entry("quantity", "is not a Kubernetes quantity such as 500m, 2, 1Gi"),
            Map.entry("gpu", "is not a GPU count such as 1 or 2"),
            Map.entry("schedule", "is not a cron schedule such as '0 2 * * *' or '@daily'"),
            Map.entry("duration", "is not a duration such as 250ms, 30s, 5m or 1h"),
            Map.entry("relativePath", "is not a relative folder path such as projects/my-project: "
                    + "no leading '/', no '.' or '..' and no empty segment"),
            Map.entry("gitUrl", "is not a Git URL: use https://, ssh:// or git@host:path"),
            Map.entry("imageReference", "is not an image reference such as registry.example.com/team/image:1.0 "
                    + "or one pinned with @sha256:<digest>"),
            Map.entry("subject", "is not a subject: write user:<name> or group:<name>"),
            Map.entry("envVarName", "is not an environment variable name: use letters, digits and '_', not starting with a digit"),
            Map.entry("labelKey", "is not a Kubernetes label key such as team or example.com/team"),
            Map.entry("labelValue", "is not a Kubernetes label value: letters, digits, '-', '_' and '.', "
                    + "starting and ending with a letter or digit"),
            Map.entry("storageUri", "is not a model location: use s3://, gs://, pvc://, hf://, oci:// or https://"),
            Map.entry("datasetUri", "is not a dataset location: use a URL with a scheme such as s3://bucket/folder, without spaces or quotes"),
            Map.entry("datasetVersion", "is not a dataset version: a tag, snapshot id or object version without spaces or quotes"),
            Map.entry("datasetFormat", "is not a format name such as parquet, csv or delta: lowercase letters, digits, '.', '_' and '-'"),
            Map.entry("metricName", "is not an MLflow metric key: letters, digits, '_', '-', '.', ' ' and '/'"),
            Map.entry("modelAlias", "is not an MLflow alias: letters, digits, '_' and '-', starting with a letter"),
            Map.entry("vllmModelUri", "is not a model location vLLM loads: use hf://<org>/<name>, s3://<bucket>/<folder> or pvc://<claim>/<folder>"),
            Map.entry("namespaceName", "is not a namespace name: use lowercase letters, digits and '-', starting and ending with a letter or digit"),
            Map.entry("ingressClassName", "is not an IngressClass name such as nginx: lowercase letters, digits, '-' and '.'"),
            Map.entry("issuerName", "is not an issuer name such as letsencrypt-prod: lowercase letters, digits, '-' and '.'"),
            Map.entry("knativeVersion", "is not a Knative version such as \"1.19\" (quote it, or YAML reads 1.20 as the number 1.2)"),
            Map.entry("hostName", "is not a host name such as model.example.com"),
            Map.entry("httpPath", "is not an HTTP path: start it with '/'"),
            Map.entry("clusterName", "is not an Argo CD destination: use a cluster name such as in-cluster or an https:// server URL"),
            Map.entry("feastProject", "is not a Feast project name: use letters, digits and '_'"),
            Map.entry("httpsUrl", "is not an https URL such as https://login.example.com/realms/ml"),
            Map.entry("email", "is not an e-mail address such as alice@example.com"),
            Map.entry("claimName", "is not a JWT claim name: use letters, digits, '_', '.', ':' and '-'"),
            Map.entry("argoClusterName", "is not an Argo CD cluster name: use lowercase letters, digits, '-' and '.', such as prod-eu"),
            Map.entry("serverUrl", "is not a cluster's API server: use its https:// URL, such as https://prod-eu.k8s.example.com"));

    private PatternExplanations() {
    }

    /** The explanation for a pattern of {@code #/$defs/<definition>}, or a plain one for any other. */
    static String of(String definition) {
        return BY_DEFINITION.getOrDefault(definition, "does not have the expected form");
    }

    static boolean explains(String definition) {
        return BY_DEFINITION.containsKey(definition);
    }
}
