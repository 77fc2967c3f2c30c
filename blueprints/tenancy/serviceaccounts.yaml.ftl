<#import "/lib/yaml.ftl" as y>
<#-- One ServiceAccount per workload kind, carrying the cloud identity (IRSA, GKE or Azure workload identity). -->
<#list serviceAccounts as account>
---
apiVersion: v1
kind: ServiceAccount
<@y.metadata name=account.name labels=labels annotations=account.annotations/>
automountServiceAccountToken: false
</#list>
<#--
  A ServiceAccount's token Secret, where an engine's controller mounts one: Argo Workflows gives
  its executor containers (init, wait) the token of the executor ServiceAccount from the Secret
  <sa>.service-account-token when the step pods automount none. Kubernetes' token controller fills
  it; the later sync wave puts it after its ServiceAccount (a token Secret whose ServiceAccount is
  missing is deleted by that controller).
-->
<#list tokens as token>
---
apiVersion: v1
kind: Secret
<@y.metadata name=token.name labels=labels annotations={"kubernetes.io/service-account.name": token.serviceAccount, "argocd.argoproj.io/sync-wave": "1"}/>
type: kubernetes.io/service-account-token
</#list>
