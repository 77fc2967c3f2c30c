<#import "/lib/yaml.ftl" as y>
<#assign m = mlflow>
<#--
  Port 5000 on the Service too: RenderContext#mlflowUrl, which serving and training use, names it.
  With an oauth2-proxy, people come in on the second port, proxy; the clients in the namespace keep 5000.
-->
apiVersion: v1
kind: Service
<@y.metadata name=m.name labels=m.labels/>
spec:
  selector: <@y.map m.selector/>
  ports:
  - {name: http, port: ${m.port}, targetPort: http, protocol: TCP}
<#if m.proxy??>
  - {name: proxy, port: ${m.proxy.port}, targetPort: proxy, protocol: TCP}
</#if>
