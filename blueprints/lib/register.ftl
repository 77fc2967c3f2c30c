<#--
  The one registration step of the Argo Workflows that train (argo-workflows pipelines, scheduled
  pytorchjob runs): a script template, placed as an item of a WorkflowTemplate's spec.templates.
  MLGITOPS_RUN is the workflow's name, which MLFLOW_RUN_CONTEXT puts on every MLflow run of the
  same workflow as the tag mlgitops.run: the script (Pipelines.RegisterView#script) registers the
  model the newest run so tagged logged (an MLflow 3 LoggedModel, or MLflow 2's artifact path "model"), when the gate holds (the
  gate's metric read from the newest such run that logged it; else the step exits non-zero with the
  reason), tags the version with the release and datasets and sets the alias. It runs the training
  image (pinned under spec.images), which must have the mlflow client, and reaches MLflow on its
  own port 5000 (MLFLOW_TRACKING_URI), as a pod of the training stage.
-->
<#import "/lib/pod.ftl" as pod>
<#macro template register secrets>
  - name: ${register.name}
<@pod.podSecurity indent=4/>
<@pod.executorSecurity indent=4/>
    script:
      image: ${register.image}
      command: [python]
      source: ${register.script()}
<@pod.homeEnv items=register.env indent=6/>
      - {name: MLGITOPS_RUN, value: "{{workflow.name}}"}
<@pod.env items=register.inputs indent=6/>
<@pod.env items=register.env indent=6/>
<@pod.envFrom secrets=secrets indent=6/>
<@pod.resources cpu="250m" memory="512Mi" indent=6/>
<@pod.containerSecurity indent=6/>
</#macro>
