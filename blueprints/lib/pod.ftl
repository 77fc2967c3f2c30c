<#--
  Pod and container settings every workload blueprint shares: Pod Security "restricted" and the
  container defaults of DESIGN.md. Each macro writes its block indented by `indent` spaces.
-->
<#-- The pod-level securityContext: non-root with a numeric user (kubelet cannot check a named one), RuntimeDefault seccomp. -->
<#macro podSecurity indent>
<#local p = ""?left_pad(indent)?no_esc>
${p}securityContext:
${p}  runAsNonRoot: true
${p}  runAsUser: 10001
${p}  runAsGroup: 10001
${p}  seccompProfile: {type: RuntimeDefault}
</#macro>
<#--
  A container's securityContext and its only writable path, /tmp (the pod's emptyDir volume "tmp").
  With runAsUser, the container runs as that (non-root) user instead of the pod's.
  With shm, also /dev/shm from the memory-backed volume "dshm": NCCL and PyTorch's data loaders
  share memory through it between the processes of a multi-GPU pod, and the runtime's default is 64Mi.
-->
<#macro containerSecurity indent shm=false runAsUser=0>
<#local p = ""?left_pad(indent)?no_esc>
${p}securityContext:
${p}  allowPrivilegeEscalation: false
${p}  readOnlyRootFilesystem: true
${p}  runAsNonRoot: true
<#if runAsUser gt 0>
${p}  runAsUser: ${runAsUser}
</#if>
${p}  capabilities: {drop: [ALL]}
${p}  seccompProfile: {type: RuntimeDefault}
${p}volumeMounts:
${p}- {name: tmp, mountPath: /tmp}
<#if shm>
${p}- {name: dshm, mountPath: /dev/shm}
</#if>
</#macro>
<#-- Requests equal to limits; GPUs as nvidia.com/gpu, which can only be asked for in whole units. -->
<#macro resources cpu memory gpu="" indent=0>
<#local p = ""?left_pad(indent)?no_esc>
${p}resources:
${p}  requests: {cpu: ${cpu}, memory: ${memory}<#if gpu?has_content>, nvidia.com/gpu: ${gpu}</#if>}
${p}  limits: {cpu: ${cpu}, memory: ${memory}<#if gpu?has_content>, nvidia.com/gpu: ${gpu}</#if>}
</#macro>
<#--
  A container's "env:" and HOME, the first item; the caller writes the other items after it.
  Every container runs as a numeric user without a home directory on a read-only root filesystem,
  so whatever writes under ~ (pip, matplotlib, torch and Hugging Face caches, MLflow's client)
  fails: HOME is /tmp, the writable emptyDir, or `home` where the pod has a home volume. An item
  named HOME among `items` (the spec's env the caller writes) wins: then none is written here.
  The one place HOME is set.
-->
<#macro homeEnv indent items=[] home="/tmp">
<#local p = ""?left_pad(indent)?no_esc>
${p}env:
<#if !items?filter(e -> e.name == "HOME")?has_content>
${p}- {name: HOME, value: ${home}}
</#if>
</#macro>
<#-- "env:", HOME and then `items`: the whole env of a container whose env is the spec's. -->
<#macro containerEnv indent items=[] home="/tmp">
<@homeEnv indent=indent items=items home=home/>
<@env items=items indent=indent/>
</#macro>
<#-- The items of an env list (the caller writes "env:"): plain values or keys of a Secret. -->
<#macro env items indent>
<#local p = ""?left_pad(indent)?no_esc>
<#list items as e>
<#if e.secret??>
${p}- name: ${e.name}
${p}  valueFrom:
${p}    secretKeyRef: {name: ${e.secret}, key: ${e.key}}
<#elseif e.configMap??>
${p}- name: ${e.name}
${p}  valueFrom:
${p}    configMapKeyRef: {name: ${e.configMap}, key: ${e.key}}
<#else>
${p}- {name: ${e.name}, value: ${e.value}}
</#if>
</#list>
</#macro>
<#-- Every key of each Secret as an env var. -->
<#macro envFrom secrets indent>
<#local p = ""?left_pad(indent)?no_esc>
<#if secrets?has_content>
${p}envFrom:
<#list secrets as secret>
${p}- secretRef: {name: ${secret}}
</#list>
</#if>
</#macro>
<#macro gpuToleration indent>
<#local p = ""?left_pad(indent)?no_esc>
${p}tolerations:
${p}- {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
</#macro>
<#--
  Argo Workflows adds the executor's init container "init" and container "wait" to every step pod,
  with the securityContext of the controller's executor.securityContext only (workflowpod.go,
  newExecContainer), which Pod Security restricted refuses when unset. A template's podSpecPatch is
  merged over the pod by container name, so each step carries a restricted one for both.
-->
<#macro executorSecurity indent>
<#local p = ""?left_pad(indent)?no_esc>
${p}podSpecPatch: |
${p}  initContainers:
${p}  - name: init
${p}    securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
${p}  containers:
${p}  - name: wait
${p}    securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
</#macro>
