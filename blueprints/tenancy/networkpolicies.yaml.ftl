<#import "/lib/yaml.ftl" as y>
<#--
  networkPolicy restricted: deny all traffic, then allow DNS, egress between the namespace's own
  pods, and the ingress the stages ask for (a served model's port, from the ingress controller too
  when the model has an ingress; the feature server's and MLflow's ports from the stages that use
  them only; from other namespaces, such as monitoring's, where an engine asks). Egress inside the
  namespace is open, ingress is not: each path needs both, so the ingress rules decide. Workloads
  whose stores live outside the namespace (feature server, MLflow, training, model download) may
  leave it. networkPolicy open: nothing here.
-->
<#if restricted>
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@y.metadata name=denyName labels=labels/>
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@y.metadata name=dnsName labels=labels/>
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
<#if allows?has_content>
---
<#-- a pod reaching a served model needs egress as much as the model needs ingress -->
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@y.metadata name=namespaceEgressName labels=labels/>
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector: {}
</#if>
<#list egress as out>
---
<#--
  A store's server reaching its store (Redis, the database, the buckets): they live outside the
  namespace at addresses the spec does not give, so any destination, but only for these pods, only
  on the stores' ports, and never the cloud metadata address (it hands out the node's credentials).
-->
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@y.metadata name=out.name labels=labels/>
spec:
  podSelector: {matchLabels: <@y.map out.from/>}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}
    - ipBlock: {cidr: "::/0", except: ["fd00:ec2::254/128"]}
<#if out.ports?has_content>
    ports: [<#list out.ports as port>{protocol: TCP, port: ${port}}<#sep>, </#list>]
</#if>
</#list>
<#list allows as allow>
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@y.metadata name=allow.name labels=labels/>
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: ${allow.target}}}
  policyTypes: [Ingress]
  ingress:
  - from:
<#if allow.from?has_content>
<#list allow.from as selector>
    - podSelector: {matchLabels: <@y.map selector/>}
</#list>
<#elseif allow.fromNamespacePods>
    - podSelector: {}
</#if>
<#if allow.fromIngressController>
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${ingressControllerNamespace}}}
</#if>
<#list allow.fromNamespaces as namespace>
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${namespace}}}
</#list>
<#if allow.ports?has_content>
    ports: [<#list allow.ports as port>{protocol: TCP, port: ${port}}<#sep>, </#list>]
</#if>
</#list>
</#if>
