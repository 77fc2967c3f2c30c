<#import "/lib/yaml.ftl" as y>
<#--
  secrets provider external-secrets: one ExternalSecret per entry. dataFrom.extract copies every
  property of the remote secret into the Secret, so a reference {secret: x, key: password} reads
  property "password" of entry x. The ExternalSecret owns its Secret (deleted with it).
  Provider existing: nothing here; references use the Secret the entry's key names.
-->
<#list externalSecrets as secret>
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
<@y.metadata name=secret.name labels=labels annotations=y.customResource/>
spec:
  refreshInterval: 1h
  secretStoreRef: {kind: ${secret.storeKind}, name: ${secret.storeName}}
  target: {name: ${secret.name}, creationPolicy: Owner}
  dataFrom:
  - extract: {key: ${secret.remoteKey}}
</#list>
