<#import "/lib/yaml.ftl" as y>
<#assign m = mlflow>
<#-- Port 5000 on the Service too: Project#mlflowUrl, which serving and training use, names it. -->
apiVersion: v1
kind: Service
<@y.metadata name=m.name labels=m.labels/>
spec:
  selector: <@y.map m.selector/>
  ports:
  - {name: http, port: ${m.port}, targetPort: http, protocol: TCP}
