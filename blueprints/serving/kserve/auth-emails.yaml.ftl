<#import "/lib/authproxy.ftl" as auth>
<#if model.proxy??>
<@auth.emails proxy=model.proxy labels=model.labels/>
</#if>
