<#--
  auth.type jwt, for every serving engine: Istio's sidecar in the model's pods (the pod label
  sidecar.istio.io/inject) checks the bearer token. A RequestAuthentication alone only rejects bad
  tokens and lets requests without one through; the AuthorizationPolicy beside it ALLOWs only
  requests with a principal of the issuer (and the required claims), which denies the rest.
  /metrics and /healthz stay open to whatever the NetworkPolicies let in: Prometheus and Knative's
  activator and autoscaler carry no user token (knative.dev, "Enabling requests to Knative
  services when additional authorization policies are enabled", allow-list by paths).
  Both select the pods by the name label only, like every selector of mlgitops.
-->
<#import "/lib/yaml.ftl" as y>
<#macro requestAuthentication jwt labels>
apiVersion: security.istio.io/v1
kind: RequestAuthentication
<@y.metadata name=jwt.name labels=labels annotations=y.customResource/>
spec:
  selector:
    matchLabels: <@y.map jwt.selector/>
  jwtRules:
  - issuer: ${jwt.issuer}
    jwksUri: ${jwt.jwksUri}
<#if jwt.audiences?has_content>
    audiences: <@y.list jwt.audiences/>
</#if>
</#macro>
<#macro authorizationPolicy jwt labels>
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
<@y.metadata name=jwt.name labels=labels annotations=y.customResource/>
spec:
  selector:
    matchLabels: <@y.map jwt.selector/>
  action: ALLOW
  rules:
  - from:
    - source:
        requestPrincipals: <@y.list jwt.principals/>
<#if jwt.claims?has_content>
    when:
<#list jwt.claims as key, value>
    - {key: ${key}, values: [${value}]}
</#list>
</#if>
  - to:
    - operation:
        paths: [/metrics, /healthz]
</#macro>
