<#import "/lib/yaml.ftl" as y>
<#import "/lib/authproxy.ftl" as auth>
<#import "/lib/pod.ftl" as pod>
<#assign n = notebook>
<#--
  One Jupyter pod whose home directory is its own volume (fsGroup makes it writable for jovyan);
  the root filesystem is read-only, /tmp an emptyDir. The claim template carries only its name
  (volumeClaimTemplates cannot change after creation, and labels do) and its apiVersion and kind,
  which the API server would otherwise add and Argo CD then show as a difference.
  Jupyter prints its login token to the log (read with kubectl logs, or reach it with
  kubectl port-forward). A private notebook (spec.identity and an owner) has an oauth2-proxy
  beside Jupyter, which admits only the owner and shared users; the Ingress, if any, and the
  NetworkPolicies lead to the proxy's port only, and Jupyter's token still applies behind it.
-->
apiVersion: apps/v1
kind: StatefulSet
<@y.metadata name=n.name labels=n.labels annotations=n.annotations/>
spec:
  serviceName: ${n.name}
  replicas: 1
  selector:
    matchLabels: <@y.map n.selector/>
  template:
    metadata:
      labels: <@y.map n.podLabels/>
<#if n.annotations?has_content>
      annotations: <@y.map n.annotations/>
</#if>
    spec:
      serviceAccountName: ${n.serviceAccount}
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: ${n.user}
        runAsGroup: ${n.group}
        fsGroup: ${n.group}
        seccompProfile: {type: RuntimeDefault}
<#if n.gpu??>
      tolerations:
      - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
</#if>
      containers:
      - name: jupyter
        image: ${n.image}
        ports:
        - {name: http, containerPort: ${n.port}, protocol: TCP}
<#-- HOME is the notebook's own volume (mounted at /home/jovyan), so settings and caches persist -->
<@pod.homeEnv indent=8 home="/home/jovyan"/>
<#list n.env as name, value>
        - {name: ${name}, value: ${value}}
</#list>
        readinessProbe:
          httpGet: {path: /api, port: http}
        livenessProbe:
          tcpSocket: {port: http}
          initialDelaySeconds: 30
        resources:
          requests: {cpu: ${n.cpu}, memory: ${n.memory}<#if n.gpu??>, nvidia.com/gpu: ${n.gpu}</#if>}
          limits: {cpu: ${n.cpu}, memory: ${n.memory}<#if n.gpu??>, nvidia.com/gpu: ${n.gpu}</#if>}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
        volumeMounts:
        - {name: home, mountPath: /home/jovyan}
        - {name: tmp, mountPath: /tmp}
<#if n.proxy??>
<@auth.container proxy=n.proxy indent=6/>
</#if>
      volumes:
      - name: tmp
        emptyDir: {}
<#if n.proxy??>
<@auth.volumes proxy=n.proxy indent=6/>
</#if>
  volumeClaimTemplates:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: home}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests: {storage: ${n.storage}}
