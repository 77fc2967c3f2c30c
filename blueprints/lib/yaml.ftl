<#--
  Helpers shared by all blueprints. Every value still goes through the YAML output format's
  escaping: keys and values come out as double-quoted scalars, numbers as numbers.
-->
<#-- A map as a flow mapping, entries in the map's order: {"a": "1", "b": "2"} -->
<#macro map entries>{<#list entries as key, value>${key}: ${value}<#sep>, </#list>}</#macro>
<#-- A list as a flow sequence: ["a", "b"] -->
<#macro list items>[<#list items as item>${item}<#sep>, </#list>]</#macro>
<#--
  Argo CD sync options by kind of object (argo-cd docs/user-guide/sync-options.md and
  resource_hooks.md). A custom resource skips the dry run when its CRD is missing, so one missing
  operator fails only its own objects, not the whole Application. A one-shot run (a Job or a
  PyTorchJob without schedule) is a Sync hook, recreated on each sync of a changed tree: not
  compared, so neither its TTL deletion nor a changed (immutable) pod template makes a
  self-heal loop or a failed sync. The Namespace is never pruned or deleted with its Application:
  it holds the notebooks' volumes.
-->
<#assign customResource = {"argocd.argoproj.io/sync-options": "SkipDryRunOnMissingResource=true"}>
<#assign oneShot = {"argocd.argoproj.io/hook": "Sync", "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation"}>
<#assign keep = {"argocd.argoproj.io/sync-options": "Prune=false,Delete=false"}>
<#-- The metadata block every object of mlgitops carries (never a namespace: the overlay sets it). -->
<#macro metadata name labels annotations={}>
metadata:
  name: ${name}
  labels: <@map labels/>
<#if annotations?has_content>
  annotations: <@map annotations/>
</#if>
</#macro>
<#--
  The nested YAML with every line indented by `by` spaces: a block shared by templates that place
  it at different depths (a pod's spec in a Deployment and in a CronJob). The nested text was
  escaped as it was written; this only adds spaces.
-->
<#macro indent by><#local body><#nested></#local><#list body?markup_string?remove_ending("\n")?split("\n") as line>
${""?left_pad(by)?no_esc}${line?no_esc}
</#list></#macro>
