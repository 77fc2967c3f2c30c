<#import "/lib/yaml.ftl" as y>
<#--
  What a workload's own ServiceAccount may do through the API, as its engine asks (Argo's
  executor writes WorkflowTaskResults). The subject names no namespace: the overlay sets it.
-->
<#list grants as grant>
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
<@y.metadata name=grant.name labels=labels/>
rules:
- apiGroups: [${grant.apiGroup}]
  resources: <@y.list grant.resources/>
  verbs: <@y.list grant.verbs/>
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
<@y.metadata name=grant.name labels=labels/>
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${grant.name}}
subjects:
- {kind: ServiceAccount, name: ${grant.serviceAccount}}
</#list>
