<#import "/lib/yaml.ftl" as y>
<#import "_pod.ftl" as pod>
<#assign f = feast>
<#--
  feast serve listens on 127.0.0.1 unless told -h 0.0.0.0. /health answers 503 while the registry
  is unreachable, so it is the readiness probe; liveness only asks that the port is open.
-->
apiVersion: apps/v1
kind: Deployment
<@y.metadata name=f.name labels=f.labels/>
spec:
  replicas: ${f.replicas}
  selector:
    matchLabels: <@y.map f.selector/>
  template:
    metadata:
      labels: <@y.map f.podLabels/>
    spec:
      serviceAccountName: ${f.serviceAccount}
      automountServiceAccountToken: false
<@y.indent 6><@pod.securityContext f/></@y.indent>
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: <@y.map f.selector/>
      containers:
      - name: feature-server
        image: ${f.image}
        command: [feast, -c, ${f.repoDir}, serve, -h, 0.0.0.0, -p, ${f.port?c}]
        ports:
        - {name: http, containerPort: ${f.port}, protocol: TCP}
        readinessProbe:
          httpGet: {path: /health, port: http}
        livenessProbe:
          tcpSocket: {port: http}
<@y.indent 8><@pod.containerCommon f/></@y.indent>
<@y.indent 6><@pod.volumes f/></@y.indent>
