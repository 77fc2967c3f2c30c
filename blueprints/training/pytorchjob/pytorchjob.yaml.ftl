<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#assign p = pipeline>
<#--
  Kubeflow Training Operator v1: one Master (the webhook requires exactly 1) and `workers` Workers,
  the same pod for both. The container must be named "pytorch": the operator finds it by that name
  and injects MASTER_ADDR, MASTER_PORT, WORLD_SIZE and RANK into it. Pods are restricted like every
  other; torchrun writes only under /tmp.
-->
<#assign s = p.step>
<#assign multiGpu = s.gpu?? && s.gpu?number gt 1>
<#assign podTemplate>
template:
  metadata:
    labels: <@y.map p.podLabels/>
  spec:
    serviceAccountName: ${p.serviceAccount}
    automountServiceAccountToken: false
<@pod.podSecurity indent=4/>
<#if s.gpu??>
<@pod.gpuToleration indent=4/>
</#if>
    containers:
    - name: pytorch
      image: ${s.image}
<#if s.command?has_content>
      command: <@y.list s.command/>
</#if>
<#if s.inputs?has_content || s.env?has_content>
      env:
<@pod.env items=s.inputs indent=6/>
<@pod.env items=s.env indent=6/>
</#if>
<@pod.envFrom secrets=p.secrets indent=6/>
<@pod.resources cpu=s.cpu memory=s.memory gpu=s.gpu indent=6/>
<@pod.containerSecurity indent=6 shm=multiGpu/>
    volumes:
    - name: tmp
      emptyDir: {}
<#if multiGpu>
    - name: dshm
      emptyDir: {medium: Memory}
</#if>
</#assign>
<#assign replicaTemplate = podTemplate?markup_string?trim?replace("\n", "\n      ")?no_esc>
apiVersion: kubeflow.org/v1
kind: PyTorchJob
<@y.metadata name=p.name labels=p.labels annotations=y.customResource + y.oneShot/>
spec:
  runPolicy: {cleanPodPolicy: None, ttlSecondsAfterFinished: 86400, backoffLimit: 3}
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      restartPolicy: OnFailure
      ${replicaTemplate}
<#if p.workers gt 0>
    Worker:
      replicas: ${p.workers}
      restartPolicy: OnFailure
      ${replicaTemplate}
</#if>
