<#import "/lib/yaml.ftl" as y>
<#--
  networkPolicy restricted: deny all traffic, then allow DNS, traffic between the namespace's own
  pods, and what the stages ask for (a served model's port, from the ingress controller too when
  the model has an ingress; from other namespaces, such as monitoring's, where an engine asks).
  networkPolicy open: nothing here.
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
    - podSelector: {}
<#if allow.fromIngressController>
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${ingressControllerNamespace}}}
</#if>
<#list allow.fromNamespaces as namespace>
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${namespace}}}
</#list>
    ports: [{protocol: TCP, port: ${allow.port}}]
</#list>
</#if>
