<#import "/lib/yaml.ftl" as y>
<#assign n = notebook>
<#-- Only a private notebook has a host, and it leads to the oauth2-proxy's port, never to Jupyter's. -->
<#if n.host??>
apiVersion: networking.k8s.io/v1
kind: Ingress
<@y.metadata name=n.name labels=n.labels/>
spec:
  ingressClassName: nginx
<#if n.tls>
  tls:
  - hosts: [${n.host}]
    secretName: ${n.tlsSecret}
</#if>
  rules:
  - host: ${n.host}
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${n.name}
            port: {name: proxy}
</#if>
