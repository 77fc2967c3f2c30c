<#import "/lib/yaml.ftl" as y>
<#assign m = model>
apiVersion: v1
kind: Service
<@y.metadata name=m.name labels=m.labels/>
spec:
  selector: <@y.map m.selector/>
  ports:
  - {name: http, port: 80, targetPort: http, protocol: TCP}
