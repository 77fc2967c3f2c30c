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
  operator fails only its own objects, not the whole Application. A one-shot Job (no schedule) is
  no hook (Argo CD runs every Sync hook again on every sync, selfHeal's included) but an ordinary
  object replaced when applied: its pod template is immutable, so a changed image fails an apply
  and needs a delete and create (Force=true,Replace=true); the training Application applies only
  what is out of sync (ApplyOutOfSyncOnly=true), so a Job reruns when its own spec changes or it
  was deleted, not on every sync. The Namespace is never pruned or deleted with its Application:
  it holds the notebooks' volumes.
-->
<#assign customResource = {"argocd.argoproj.io/sync-options": "SkipDryRunOnMissingResource=true"}>
<#assign replaced = {"argocd.argoproj.io/sync-options": "Force=true,Replace=true"}>
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
