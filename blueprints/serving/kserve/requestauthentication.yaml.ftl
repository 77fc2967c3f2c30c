<#import "/lib/istio.ftl" as istio>
<#if model.jwt??>
<@istio.requestAuthentication jwt=model.jwt labels=model.labels/>
</#if>
