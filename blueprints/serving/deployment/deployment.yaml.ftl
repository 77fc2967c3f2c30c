<#import "/lib/yaml.ftl" as y>
<#import "/lib/authproxy.ftl" as auth>
<#import "/lib/pod.ftl" as pod>
<#import "/lib/registry.ftl" as registry>
<#assign m = model>
<#--
  No spec.replicas: the HorizontalPodAutoscaler owns the count, and a fixed value here would
  reset it on every sync. Security settings meet Pod Security "restricted"; /tmp is the only
  writable path. A registered model: the fetch-model init container writes it into the emptyDir
  the server reads at /mnt/models.
-->
apiVersion: apps/v1
kind: Deployment
<@y.metadata name=m.name labels=m.labels/>
spec:
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
        runAsUser: 10001
        runAsGroup: 10001
        seccompProfile: {type: RuntimeDefault}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: <@y.map m.selector/>
<#if m.gpu??>
      tolerations:
      - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
</#if>
<#if m.fetch??>
      initContainers:
<@registry.initContainer fetch=m.fetch indent=6/>
</#if>
      containers:
      - name: server
        image: ${m.image}
<#if m.args?has_content>
        args: <@y.list m.args/>
</#if>
        ports:
        - {name: http, containerPort: ${m.port}, protocol: TCP}
<@pod.containerEnv items=m.env indent=8/>
        readinessProbe:
<#if m.readiness??>
          httpGet: {path: ${m.readiness}, port: http}
<#else>
          tcpSocket: {port: http}
</#if>
        livenessProbe:
<#if m.liveness??>
          httpGet: {path: ${m.liveness}, port: http}
<#else>
          tcpSocket: {port: http}
</#if>
        resources:
          requests: {cpu: ${m.cpu}, memory: ${m.memory}<#if m.gpu??>, nvidia.com/gpu: ${m.gpu}</#if>}
          limits: {cpu: ${m.cpu}, memory: ${m.memory}<#if m.gpu??>, nvidia.com/gpu: ${m.gpu}</#if>}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
        volumeMounts:
        - {name: tmp, mountPath: /tmp}
<#if m.fetch??>
        - {name: ${m.fetch.volume}, mountPath: ${m.fetch.mountPath}, readOnly: true}
</#if>
<#if m.proxy??>
<@auth.container proxy=m.proxy indent=6/>
</#if>
      volumes:
      - name: tmp
        emptyDir: {}
<#if m.fetch??>
<@registry.volume fetch=m.fetch indent=6/>
</#if>
<#if m.proxy??>
<@auth.volumes proxy=m.proxy indent=6/>
</#if>
