<#import "/lib/yaml.ftl" as y>
<#--
  A pipeline's inputs: one ConfigMap holding the release id (MLGITOPS_RELEASE, "unreleased" in the
  base: every overlay pins its own) and the uri, version and format of each dataset the pipeline
  reads (MLGITOPS_DATASET_<NAME>_URI, _VERSION, _FORMAT). The overlays pin the release id and the
  datasets' uri and version by key, so a promotion moves them like images; the steps read them as
  env vars (argo-workflows: through workflow parameters that default to these keys).
-->
<#macro configMap inputs>
apiVersion: v1
kind: ConfigMap
<@y.metadata name=inputs.name labels=inputs.labels/>
data:
<#list inputs.data as key, value>
  ${key}: ${value}
</#list>
</#macro>
