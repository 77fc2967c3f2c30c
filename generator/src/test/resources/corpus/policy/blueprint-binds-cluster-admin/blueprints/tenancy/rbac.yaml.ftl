<#import "/lib/yaml.ftl" as y>
<#--
  One Role and RoleBinding per access level present. Admins run everything the stages create and
  read secrets; editors change workloads but not secrets or network rules; viewers only read, and
  never secrets or pod exec.
-->
<#list access as level>
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
<@y.metadata name=level.name labels=labels/>
rules:
<#if level.level == "admins">
- apiGroups: [""]
  resources: [pods, pods/log, pods/exec, pods/portforward, services, endpoints, configmaps, secrets, persistentvolumeclaims, serviceaccounts, events]
  verbs: [get, list, watch, create, update, patch, delete, deletecollection]
- apiGroups: [apps, batch, autoscaling, policy, networking.k8s.io, argoproj.io, kubeflow.org, serving.kserve.io, monitoring.coreos.com, external-secrets.io]
  resources: [deployments, statefulsets, replicasets, jobs, cronjobs, horizontalpodautoscalers, poddisruptionbudgets, ingresses, networkpolicies, workflows, workflowtemplates, cronworkflows, pytorchjobs, notebooks, inferenceservices, servicemonitors, prometheusrules, externalsecrets]
  verbs: [get, list, watch, create, update, patch, delete, deletecollection]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [roles, rolebindings]
  verbs: [get, list, watch]
<#elseif level.level == "editors">
- apiGroups: [""]
  resources: [pods, pods/log, pods/exec, pods/portforward, services, endpoints, configmaps, persistentvolumeclaims, events]
  verbs: [get, list, watch, create, update, patch, delete]
- apiGroups: [apps, batch, autoscaling, policy, networking.k8s.io, argoproj.io, kubeflow.org, serving.kserve.io, monitoring.coreos.com]
  resources: [deployments, statefulsets, replicasets, jobs, cronjobs, horizontalpodautoscalers, poddisruptionbudgets, ingresses, workflows, workflowtemplates, cronworkflows, pytorchjobs, notebooks, inferenceservices, servicemonitors, prometheusrules]
  verbs: [get, list, watch, create, update, patch, delete]
<#else>
- apiGroups: [""]
  resources: [pods, pods/log, services, endpoints, configmaps, persistentvolumeclaims, events]
  verbs: [get, list, watch]
- apiGroups: [apps, batch, autoscaling, policy, networking.k8s.io, argoproj.io, kubeflow.org, serving.kserve.io, monitoring.coreos.com]
  resources: [deployments, statefulsets, replicasets, jobs, cronjobs, horizontalpodautoscalers, poddisruptionbudgets, ingresses, workflows, workflowtemplates, cronworkflows, pytorchjobs, notebooks, inferenceservices, servicemonitors, prometheusrules]
  verbs: [get, list, watch]
</#if>
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
<@y.metadata name=level.name labels=labels/>
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
<#list level.subjects as subject>
- {apiGroup: rbac.authorization.k8s.io, kind: ${subject.kind}, name: ${subject.name}}
</#list>
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
</#list>
