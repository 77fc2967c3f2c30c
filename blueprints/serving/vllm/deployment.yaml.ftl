<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#import "/lib/authproxy.ftl" as auth>
<#import "/lib/registry.ftl" as registry>
<#assign m = model>
<#--
  vLLM's OpenAI-compatible server. spec.replicas only when no autoscaler owns the count. /health
  answers once the model is loaded: the startup probe allows 30 minutes for the download and the
  load, then readiness and liveness take over. The root filesystem is read-only: HOME is /tmp,
  HF_HOME and downloads live on the "models" volume, /dev/shm is a memory volume. A registered
  model: the fetch-model init container writes it into /models/registered, which vLLM serves.
-->
apiVersion: apps/v1
kind: Deployment
<@y.metadata name=m.name labels=m.labels/>
spec:
<#if m.replicas??>
  replicas: ${m.replicas}
</#if>
  selector:
    matchLabels: <@y.map m.selector/>
  template:
    metadata:
      labels: <@y.map m.podLabels/>
    spec:
      serviceAccountName: ${m.serviceAccount}
      automountServiceAccountToken: false
<@pod.podSecurity indent=6/>
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: <@y.map m.selector/>
<#if m.gpu??>
<@pod.gpuToleration indent=6/>
</#if>
<#if m.downloadFrom?? || m.fetch??>
      initContainers:
</#if>
<#if m.fetch??>
<@registry.initContainer fetch=m.fetch indent=6/>
</#if>
<#if m.downloadFrom??>
      - name: download-model
        image: ${m.downloader}
        args: [${m.downloadFrom}, /models/download]
<@pod.containerEnv items=m.env indent=8/>
<@pod.resources cpu=m.cpu memory=m.memory indent=8/>
<@pod.containerSecurity indent=8/>
        - {name: models, mountPath: /models}
</#if>
      containers:
      - name: server
        image: ${m.image}
        command: [vllm, serve]
        args: <@y.list m.args/>
        ports:
        - {name: http, containerPort: ${m.port}, protocol: TCP}
<@pod.containerEnv items=m.env indent=8/>
        startupProbe:
          httpGet: {path: /health, port: http}
          periodSeconds: 10
          failureThreshold: 180
        readinessProbe:
          httpGet: {path: /health, port: http}
          periodSeconds: 10
        livenessProbe:
          httpGet: {path: /health, port: http}
          periodSeconds: 10
          failureThreshold: 3
<@pod.resources cpu=m.cpu memory=m.memory gpu=m.gpu!"" indent=8/>
<@pod.containerSecurity indent=8/>
        - {name: models, mountPath: /models}
        - {name: dshm, mountPath: /dev/shm}
<#if m.claim??>
        - {name: model, mountPath: /mnt/models, readOnly: true}
</#if>
<#if m.proxy??>
<@auth.container proxy=m.proxy indent=6/>
</#if>
      volumes:
      - name: tmp
        emptyDir: {}
      - name: models
        emptyDir: {}
      - name: dshm
        emptyDir: {medium: Memory, sizeLimit: ${m.shmSize}}
<#if m.claim??>
      - name: model
        persistentVolumeClaim: {claimName: ${m.claim}, readOnly: true}
</#if>
<#if m.proxy??>
<@auth.volumes proxy=m.proxy indent=6/>
</#if>
