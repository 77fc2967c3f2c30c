<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#import "/lib/registry.ftl" as registry>
<#import "/lib/authproxy.ftl" as auth>
<#assign m = model>
<#--
  KServe in Knative mode, set explicitly: the cluster default (inferenceservice-config) is not
  ours to assume. The engine's class comment says why Knative. canaryTrafficPercent sends that
  share of traffic to the newest revision and the rest to the last one that was ready.

  The predictor is a PodSpec plus KServe's fields, the model a Container plus its own: pod and
  container security as everywhere (Knative allows this subset of the security context, and
  emptyDir volumes by default since Knative 1.x). predictor.labels reach the pods, so the
  NetworkPolicy and the ServiceMonitor find them by the name label. Probes use the v2 health
  endpoints KServe's model server serves for either protocol; Knative's queue-proxy runs them.
  A registered model: no storageUri (so no storage-initializer); the fetch-model init container
  writes the model into an emptyDir the model container reads at /mnt/models, KServe's model_dir.
  Knative admits init containers with config-features kubernetes.podspec-init-containers: enabled.
-->
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
<@y.metadata name=m.name labels=m.labels annotations={"serving.kserve.io/deploymentMode": m.deploymentMode} + y.customResource/>
spec:
  predictor:
<#if m.minReplicas??>
    minReplicas: ${m.minReplicas}
</#if>
<#if m.maxReplicas??>
    maxReplicas: ${m.maxReplicas}
</#if>
<#if m.scaleMetric??>
    scaleMetric: ${m.scaleMetric}
    scaleTarget: ${m.scaleTarget}
</#if>
<#if m.canaryPercent??>
    canaryTrafficPercent: ${m.canaryPercent}
</#if>
<#--
  Request logging for model-quality monitoring: every request and response (mode all) as a
  CloudEvent to the model's drift detector, posted by KServe's agent in the predictor pod.
-->
<#if m.loggerUrl??>
    logger: {mode: all, url: ${m.loggerUrl}}
</#if>
    labels: <@y.map m.podLabels/>
    serviceAccountName: ${m.serviceAccount}
    automountServiceAccountToken: false
<@pod.podSecurity indent=4/>
<#if m.gpu??>
<@pod.gpuToleration indent=4/>
</#if>
<#if m.fetch??>
    initContainers:
<@registry.initContainer fetch=m.fetch indent=4/>
</#if>
    model:
      modelFormat: {name: ${m.format}}
<#if m.storageUri??>
      storageUri: ${m.storageUri}
</#if>
<#--
  With an oauth2-proxy the model declares no port and no probes: Knative sends the traffic to the
  one container with a port (the proxy, below) and admits probes on that one only; the model
  still listens on 8080, which the proxy reaches on 127.0.0.1 and the NetworkPolicies close.
-->
<#if !m.proxy??>
      ports:
      - {containerPort: ${m.port}, protocol: TCP}
</#if>
<@pod.containerEnv items=m.env indent=6/>
<#if !m.proxy??>
      readinessProbe:
        httpGet: {path: /v2/health/ready, port: ${m.port}}
      livenessProbe:
        httpGet: {path: /v2/health/live, port: ${m.port}}
</#if>
<@pod.resources cpu=m.cpu memory=m.memory gpu=m.gpu indent=6/>
<@pod.containerSecurity indent=6/>
<#--
  A registered model's folder: without extra containers KServe's webhook mounts it here itself
  (the predictor is multi-model to KServe, see KServeServing.MODEL_DIR_VOLUME); a mount of ours
  too would repeat the mountPath, which the API server refuses.
-->
<#if m.fetch?? && m.proxy??>
      - {name: ${m.fetch.volume}, mountPath: ${m.fetch.mountPath}, readOnly: true}
</#if>
<#if m.proxy??>
    containers:
<@auth.container proxy=m.proxy indent=4/>
</#if>
    volumes:
    - name: tmp
      emptyDir: {}
<#if m.fetch??>
<@registry.volume fetch=m.fetch indent=4/>
</#if>
<#if m.proxy??>
<@auth.volumes proxy=m.proxy indent=4/>
</#if>
