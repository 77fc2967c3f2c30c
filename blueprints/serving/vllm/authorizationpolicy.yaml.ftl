<#import "/lib/istio.ftl" as istio>
<#if model.jwt??>
<@istio.authorizationPolicy jwt=model.jwt labels=model.labels/>
</#if>
