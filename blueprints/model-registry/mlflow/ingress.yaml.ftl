<#import "/lib/yaml.ftl" as y>
<#assign m = mlflow>
<#--
  MLflow's UI at its own host: only behind its oauth2-proxy (MLG-CHECK-REGISTRY-INGRESS otherwise),
  so the backend is the Service's port proxy, never http. The class of spec.cluster.ingress, whose
  namespace the NetworkPolicy <project>-mlflow-allow-proxy lets in on the proxy's port alone. With
  TLS and spec.cluster.tls.issuer, cert-manager's ingress-shim makes the Secret from that issuer.
-->
<#if m.host?? && m.proxy??>
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
            port: {name: proxy}
</#if>
