<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#import "/lib/authproxy.ftl" as auth>
<#assign m = mlflow>
<#--
  mlflow server listens on 127.0.0.1 unless told --host 0.0.0.0. The backend store URI (with its
  password) is a Secret value that mlflow server reads from MLFLOW_BACKEND_STORE_URI (the click
  option's envvar): never an argument, where it would show in the process list and pod specs.
  --serve-artifacts with --artifacts-destination: clients up- and download through the server
  and need no credentials for the store. MLflow 3.5+ rejects Host headers it does not allow; pod
  addresses are allowed for Prometheus, which scrapes /metrics (--expose-prometheus, a directory
  for the gunicorn workers' metrics) on the server's own port.

  With modelRegistry.auth oauth2-proxy, the one oauth2-proxy fragment stands beside the server for
  people (port proxy, 4180), forwarding to 127.0.0.1:5000 with the request's Host, which
  --allowed-hosts then admits; the UI's origin may send the requests that change state
  (--cors-allowed-origins). The stages' clients keep calling port 5000, which the ingress
  controller cannot reach (tenancy's NetworkPolicies, proven by the function step).
-->
apiVersion: apps/v1
kind: Deployment
<@y.metadata name=m.name labels=m.labels/>
spec:
  replicas: ${m.replicas}
  selector:
    matchLabels: <@y.map m.selector/>
  template:
    metadata:
      labels: <@y.map m.podLabels/>
    spec:
      serviceAccountName: ${m.serviceAccount}
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: ${m.user}
        runAsGroup: ${m.user}
        seccompProfile: {type: RuntimeDefault}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: <@y.map m.selector/>
      containers:
      - name: mlflow
        image: ${m.image}
        command: [mlflow, server]
        args:
        - --host=0.0.0.0
        - ${"--port=" + m.port?c}
        - --serve-artifacts
        - ${"--artifacts-destination=" + m.artifactRoot}
        - ${"--allowed-hosts=" + m.allowedHosts}
        - ${"--expose-prometheus=" + m.metricsDirectory}
<#if m.origin??>
        - ${"--cors-allowed-origins=" + m.origin}
</#if>
<@pod.homeEnv indent=8/>
        - name: ${m.uriEnv}
          valueFrom:
            secretKeyRef: {name: ${m.secret}, key: ${m.secretKey}}
        ports:
        - {name: http, containerPort: ${m.port}, protocol: TCP}
        readinessProbe:
          httpGet: {path: /health, port: http}
        livenessProbe:
          httpGet: {path: /health, port: http}
          initialDelaySeconds: 30
        resources:
          requests: {cpu: ${m.cpu}, memory: ${m.memory}}
          limits: {cpu: ${m.cpu}, memory: ${m.memory}}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
        volumeMounts:
        - {name: tmp, mountPath: /tmp}
<#if m.proxy??>
<@auth.container proxy=m.proxy indent=6/>
</#if>
      volumes:
      - name: tmp
        emptyDir: {}
<#if m.proxy??>
<@auth.volumes proxy=m.proxy indent=6/>
</#if>
