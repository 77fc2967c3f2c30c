<#import "/lib/yaml.ftl" as y>
<#assign m = model>
<#-- The class of spec.cluster.ingress, whose namespace the tenancy NetworkPolicy lets in. -->
<#if m.host??>
apiVersion: networking.k8s.io/v1
kind: Ingress
<@y.metadata name=m.name labels=m.labels/>
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
