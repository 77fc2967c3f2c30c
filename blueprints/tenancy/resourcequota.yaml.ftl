<#import "/lib/yaml.ftl" as y>
<#if quota?has_content>
apiVersion: v1
kind: ResourceQuota
<@y.metadata name=quotaName labels=labels/>
spec:
  hard: <@y.map quota/>
</#if>
