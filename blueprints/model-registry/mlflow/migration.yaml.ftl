<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#assign m = mlflow>
<#assign job = mlflow.migration>
<#--
  The database migration before a new version starts: an Argo CD PreSync hook, so it runs before
  the Deployment of the same sync changes (resource_hooks.md). BeforeHookCreation deletes the last
  run's Job when the next sync makes a new one (a failed run stays until then, to be read);
  HookSucceeded deletes a run that succeeded. backoffLimit 0: MLflow's migrations are not
  transactional everywhere (mlflow/store/db_migrations/README.md), so a failure stops the sync
  rather than trying again on a half-migrated schema.

  `mlflow db upgrade` takes the URI as an argument only (mlflow/db.py); the script reads it from
  MLFLOW_BACKEND_STORE_URI and runs the same click command in its own process, so the URI is in no
  process's argv. An empty database (no alembic_version table) is left to the server, which
  creates every table at its first start (SqlAlchemyStore, _initialize_tables).
-->
<#assign hook = {"argocd.argoproj.io/hook": "PreSync", "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation,HookSucceeded"}>
apiVersion: batch/v1
kind: Job
<@y.metadata name=job.name labels=job.labels annotations=hook/>
spec:
  backoffLimit: 0
  activeDeadlineSeconds: ${job.deadlineSeconds}
  template:
    metadata:
      labels: <@y.map job.podLabels/>
    spec:
      restartPolicy: Never
      serviceAccountName: ${m.serviceAccount}
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: ${m.user}
        runAsGroup: ${m.user}
        seccompProfile: {type: RuntimeDefault}
      containers:
      - name: db-upgrade
        image: ${m.image}
        command: <@y.list ["python", "-c", job.script]/>
<@pod.homeEnv indent=8/>
        - name: ${m.uriEnv}
          valueFrom:
            secretKeyRef: {name: ${m.secret}, key: ${m.secretKey}}
        resources:
          requests: {cpu: ${job.cpu}, memory: ${job.memory}}
          limits: {cpu: ${job.cpu}, memory: ${job.memory}}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
        volumeMounts:
        - {name: tmp, mountPath: /tmp}
      volumes:
      - name: tmp
        emptyDir: {}
