<#import "/lib/yaml.ftl" as y>
<#-- One ServiceAccount per workload kind, carrying the cloud identity (IRSA, GKE or Azure workload identity). -->
<#list serviceAccounts as account>
---
apiVersion: v1
kind: ServiceAccount
<@y.metadata name=account.name labels=labels annotations=account.annotations/>
automountServiceAccountToken: false
</#list>
