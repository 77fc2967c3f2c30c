<#import "/lib/yaml.ftl" as y>
<#assign f = feast>
<#-- Port 6566 on the Service too: Project#featureServerUrl, which serving and training use, names it. -->
apiVersion: v1
kind: Service
<@y.metadata name=f.name labels=f.labels/>
spec:
  selector: <@y.map f.selector/>
  ports:
  - {name: http, port: ${f.port}, targetPort: http, protocol: TCP}
