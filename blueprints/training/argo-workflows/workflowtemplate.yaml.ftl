<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#import "/lib/register.ftl" as reg>
<#assign p = pipeline>
<#--
  One WorkflowTemplate per pipeline: a DAG task per step (dependencies = dependsOn), each running
  its own container template. Pod security is set for the whole workflow (spec.securityContext)
  and again on every template, so a template stays restricted when run alone.

  automountServiceAccountToken is false for the steps; Argo then needs executor.serviceAccountName,
  whose token only the executor's own containers get (to report step results).

  MLGITOPS_RUN is the workflow's name: MLFLOW_RUN_CONTEXT tags every MLflow run of the steps
  "mlgitops.run" with it, and the register-model step (when registerModel is set, /lib/register.ftl)
  registers the model those runs logged when the gate holds. It runs the last step's image.

  The datasets the pipeline reads are workflow parameters (dataset-<name>-uri, -version, -format)
  that default to the keys of the pipeline's inputs ConfigMap, so one run can read another version
  (argo submit --from workflowtemplate/<name> -p dataset-<name>-version=...); the steps get them as
  env vars, and MLFLOW_RUN_CONTEXT tags every MLflow run with them and the release id.
-->
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
<@y.metadata name=p.name labels=p.labels annotations=y.customResource/>
spec:
  entrypoint: pipeline
  serviceAccountName: ${p.serviceAccount}
  automountServiceAccountToken: false
  executor: {serviceAccountName: ${p.serviceAccount}}
<#if p.inputs.parameters?has_content>
  arguments:
    parameters:
<#list p.inputs.parameters as parameter>
    - name: ${parameter.name}
      valueFrom:
        configMapKeyRef: {name: ${p.inputs.name}, key: ${parameter.key}}
</#list>
</#if>
<@pod.podSecurity indent=2/>
  podMetadata:
    labels: <@y.map p.podLabels/>
  ttlStrategy: {secondsAfterCompletion: 86400}
  podGC: {strategy: OnPodSuccess}
  volumes:
  - name: tmp
    emptyDir: {}
  templates:
  - name: pipeline
    dag:
      tasks:
<#list p.steps as s>
      - name: ${s.name}
        template: ${s.name}
<#if s.dependsOn?has_content>
        dependencies: <@y.list s.dependsOn/>
</#if>
</#list>
<#if p.register??>
      - name: ${p.register.name}
        template: ${p.register.name}
        dependencies: <@y.list p.register.after/>
</#if>
<#list p.steps as s>
  - name: ${s.name}
<@pod.podSecurity indent=4/>
<@pod.executorSecurity indent=4/>
<#if s.gpu??>
<@pod.gpuToleration indent=4/>
</#if>
    container:
      image: ${s.image}
<#if s.command?has_content>
      command: <@y.list s.command/>
</#if>
<@pod.homeEnv items=s.env indent=6/>
      - {name: MLGITOPS_RUN, value: "{{workflow.name}}"}
<@pod.env items=s.inputs indent=6/>
<@pod.env items=s.env indent=6/>
<@pod.envFrom secrets=p.secrets indent=6/>
<@pod.resources cpu=s.cpu memory=s.memory gpu=s.gpu indent=6/>
<@pod.containerSecurity indent=6/>
</#list>
<#if p.register??>
<@reg.template register=p.register secrets=p.secrets/>
</#if>
