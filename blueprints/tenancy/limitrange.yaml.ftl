<#import "/lib/yaml.ftl" as y>
<#-- With a cpu/memory quota every container must declare them; these fill in what a container leaves out. -->
apiVersion: v1
kind: LimitRange
<@y.metadata name=limitRangeName labels=labels/>
spec:
  limits:
  - type: Container
    default: {cpu: "1", memory: 1Gi}
    defaultRequest: {cpu: 250m, memory: 512Mi}
