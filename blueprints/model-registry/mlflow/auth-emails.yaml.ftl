<#import "/lib/authproxy.ftl" as auth>
<#if mlflow.proxy??>
<@auth.emails proxy=mlflow.proxy labels=mlflow.labels/>
</#if>
