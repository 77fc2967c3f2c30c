<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#--
  A served model named by model.registered: the init container that resolves it through MLflow
  (render/RegistryFetch says why this way) and the emptyDir it writes into. The reference is the
  env var MLGITOPS_MODEL_URI, read by the arguments as $(MLGITOPS_MODEL_URI), so an overlay pins
  one value. Restricted as every container: HOME and the writable /tmp from lib/pod.ftl; in Istio's
  mesh it runs as Istio's proxy user 1337, whose traffic istio-cni does not redirect to the proxy
  that has not started yet.
-->
<#-- One item of initContainers, indented by `indent`. -->
<#macro initContainer fetch indent>
<#local p = ""?left_pad(indent)?no_esc>
${p}- name: ${fetch.name}
${p}  image: ${fetch.image}
${p}  command: [mlflow]
${p}  args: <@y.list fetch.args/>
<@pod.containerEnv items=fetch.env indent=indent + 2/>
<@pod.resources cpu=fetch.cpu memory=fetch.memory indent=indent + 2/>
<@pod.containerSecurity indent=indent + 2 runAsUser=fetch.runAsUser/>
${p}  - {name: ${fetch.volume}, mountPath: ${fetch.mountPath}}
</#macro>
<#-- The model's emptyDir, an item of volumes. -->
<#macro volume fetch indent>
<#local p = ""?left_pad(indent)?no_esc>
${p}- name: ${fetch.volume}
${p}  emptyDir: {}
</#macro>
