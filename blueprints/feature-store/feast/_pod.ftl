<#import "/lib/pod.ftl" as shared>
<#--
  What the server's and the materialization's pods share, written at column 0 and placed with
  y.indent: the security settings (Pod Security "restricted", read-only root with /tmp writable,
  HOME there too), the config mounted as the repo directory, the online store's connection string
  from its Secret, and Feast's usage telemetry off (it would need egress to the internet).
-->
<#macro securityContext f>
securityContext:
  runAsNonRoot: true
  runAsUser: ${f.user}
  seccompProfile: {type: RuntimeDefault}
</#macro>
<#macro containerCommon f>
<@shared.homeEnv indent=0/>
- {name: FEAST_USAGE, value: "False"}
<#if f.secret??>
- name: ${f.connectionStringEnv}
  valueFrom:
    secretKeyRef: {name: ${f.secret}, key: ${f.connectionStringKey}}
</#if>
resources:
  requests: {cpu: ${f.cpu}, memory: ${f.memory}}
  limits: {cpu: ${f.cpu}, memory: ${f.memory}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: {drop: [ALL]}
volumeMounts:
- {name: config, mountPath: ${f.repoDir}, readOnly: true}
- {name: tmp, mountPath: /tmp}
</#macro>
<#macro volumes f>
volumes:
- name: config
  configMap: {name: ${f.configName}}
- name: tmp
  emptyDir: {}
</#macro>
