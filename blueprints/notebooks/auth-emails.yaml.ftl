<#import "/lib/authproxy.ftl" as auth>
<#if notebook.proxy??>
<@auth.emails proxy=notebook.proxy labels=notebook.labels/>
</#if>
