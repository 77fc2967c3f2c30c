<#import "/lib/yaml.ftl" as y>
<#assign m = model>
<#--
  The class of spec.cluster.ingress, whose namespace the tenancy NetworkPolicy lets in. With TLS
  and spec.cluster.tls.issuer, cert-manager's ingress-shim makes the Secret tls.secretName names
  from that ClusterIssuer; without an issuer the Secret must exist (PREREQUISITES.md lists it).
-->
<#if m.host??>
<#assign annotations = {}>
<#if m.tls && cluster.tls.issuer??>
<#assign annotations = {"cert-manager.io/cluster-issuer": cluster.tls.issuer}>
</#if>
apiVersion: networking.k8s.io/v1
kind: Ingress
<@y.metadata name=m.name labels=m.labels annotations=annotations/>
spec:
  ingressClassName: ${cluster.ingress.className}
<#if m.tls>
  tls:
  - hosts: [${m.host}]
    secretName: ${m.tlsSecret}
</#if>
  rules:
  - host: ${m.host}
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${m.name}
            port: {name: http}
</#if>
