<#import "/lib/yaml.ftl" as y>
<#assign m = model>
apiVersion: v1
kind: Service
<@y.metadata name=m.name labels=m.labels/>
spec:
  selector: <@y.map m.selector/>
  ports:
<#if m.proxy??>
<#-- clients reach the model through its oauth2-proxy; Prometheus alone (by NetworkPolicy) reads the model's own port -->
  - {name: http, port: 80, targetPort: proxy, protocol: TCP}
  - {name: metrics, port: ${m.port}, targetPort: http, protocol: TCP}
<#else>
  - {name: http, port: 80, targetPort: http, protocol: TCP}
</#if>
