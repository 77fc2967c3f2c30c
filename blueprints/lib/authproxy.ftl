<#--
  The one oauth2-proxy fragment: served models with auth oauth2-proxy and private notebooks both
  put it in front of their server. The proxy listens on every address at its port "proxy"; the
  Service and the NetworkPolicies point at that port only, and it forwards what it admits to the
  server on 127.0.0.1 (a pod's containers share one network namespace). Its flags are derived in
  AuthProxy.java (oauth2-proxy's command line options); the client and cookie secrets come only
  from Secrets, as OAUTH2_PROXY_CLIENT_SECRET and OAUTH2_PROXY_COOKIE_SECRET (every flag reads the
  env var of its name with that prefix). /ping and /ready are the proxy's own, answered without a
  sign-in. The e-mail list, when there is one, is a ConfigMap mounted read-only: oauth2-proxy
  reloads the file when it changes. Behind Knative (a KServe predictor) the port has no name and
  the readiness probe asks the model's health path through the proxy (AuthProxy.View.behindKnative).
-->
<#import "/lib/pod.ftl" as pod>
<#import "/lib/yaml.ftl" as y>
<#-- The proxy as one item of a pod's containers list, at `indent` spaces. -->
<#macro container proxy indent>
<#local p = ""?left_pad(indent)?no_esc>
${p}- name: ${proxy.container}
${p}  image: ${proxy.image}
${p}  args:
<#list proxy.args as arg>
${p}  - ${arg}
</#list>
${p}  ports:
${p}  - {<#if proxy.portName??>name: ${proxy.portName}, </#if>containerPort: ${proxy.port}, protocol: TCP}
<@pod.homeEnv indent=indent + 2/>
${p}  - name: OAUTH2_PROXY_CLIENT_SECRET
${p}    valueFrom:
${p}      secretKeyRef: {name: ${proxy.clientSecret}, key: ${proxy.clientSecretKey}}
${p}  - name: OAUTH2_PROXY_COOKIE_SECRET
${p}    valueFrom:
${p}      secretKeyRef: {name: ${proxy.cookieSecret}, key: ${proxy.cookieSecretKey}}
${p}  readinessProbe:
${p}    httpGet: {path: ${proxy.readinessPath}, port: ${proxy.portName!proxy.port}}
${p}  livenessProbe:
${p}    httpGet: {path: /ping, port: ${proxy.portName!proxy.port}}
<@pod.resources cpu=proxy.cpu memory=proxy.memory indent=indent + 2/>
<@pod.containerSecurity indent=indent + 2/>
<#if proxy.emailsConfigMap??>
${p}  - {name: auth-emails, mountPath: ${proxy.emailsDirectory}, readOnly: true}
</#if>
</#macro>
<#-- The proxy's volumes as items of the pod's volumes list (the caller writes "volumes:"). -->
<#macro volumes proxy indent>
<#local p = ""?left_pad(indent)?no_esc>
<#if proxy.emailsConfigMap??>
${p}- name: auth-emails
${p}  configMap: {name: ${proxy.emailsConfigMap}}
</#if>
</#macro>
<#-- The ConfigMap of admitted e-mail addresses, one a line, when the proxy has a list. -->
<#macro emails proxy labels>
<#if proxy.emailsConfigMap??>
apiVersion: v1
kind: ConfigMap
<@y.metadata name=proxy.emailsConfigMap labels=labels/>
data:
  ${proxy.emailsFile}: ${proxy.emailsText}
</#if>
</#macro>
