<#import "/lib/yaml.ftl" as y>
<#assign n = notebook>
<#-- Headless: the StatefulSet's serviceName, which gives the one pod a stable DNS name. -->
apiVersion: v1
kind: Service
<@y.metadata name=n.name labels=n.labels annotations=n.annotations/>
spec:
  clusterIP: None
  selector: <@y.map n.selector/>
  ports:
  - {name: http, port: ${n.port}, targetPort: http, protocol: TCP}
<#if n.proxy??>
  - {name: proxy, port: ${n.proxy.port}, targetPort: proxy, protocol: TCP}
</#if>
