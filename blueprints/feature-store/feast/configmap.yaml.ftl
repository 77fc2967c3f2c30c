<#import "/lib/yaml.ftl" as y>
<#assign f = feast>
<#-- feature_store.yaml as the engine wrote it; a secret reaches it only as ${VAR}, expanded by Feast from the pod's environment. -->
apiVersion: v1
kind: ConfigMap
<@y.metadata name=f.configName labels=f.configLabels/>
data:
  feature_store.yaml: ${f.featureStoreYaml}
