<#import "/lib/yaml.ftl" as y>
<#-- Only a concrete environment has a namespace; the base leaves it to the overlay. -->
<#if namespace??>
apiVersion: v1
kind: Namespace
<@y.metadata name=namespace annotations=y.keep labels=labels + {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/warn": "restricted"}/>
</#if>
