import json, os
from types import SimpleNamespace

from mlflow import _record


def _run(data):
    # 'models': the ids of the LoggedModels an MLflow 3 run logged (its outputs); 'artifacts': MLflow 2's files
    return SimpleNamespace(info=SimpleNamespace(run_id=data['id']),
                           data=SimpleNamespace(metrics=data.get('metrics', {}), tags=data.get('tags', {})),
                           outputs=SimpleNamespace(model_outputs=[SimpleNamespace(model_id=m) for m in data.get('models', [])]),
                           artifacts=data.get('artifacts', []))


class MlflowClient:
    def __init__(self):
        with open(os.environ['FAKE_MLFLOW_RUNS']) as runs:
            self._runs = [_run(r) for r in json.load(runs)]

    def search_experiments(self):
        return [SimpleNamespace(experiment_id='1')]

    def search_runs(self, experiments, filter_string, order_by, max_results):
        # the runs file lists the runs newest first, all of one pipeline run
        assert filter_string == "tags.`mlgitops.run` = '" + os.environ['MLGITOPS_RUN'] + "'", filter_string
        return self._runs[:max_results]

    def get_run(self, run_id):
        return next(r for r in self._runs if r.info.run_id == run_id)

    def list_artifacts(self, run_id, path):
        run = next(r for r in self._runs if r.info.run_id == run_id)
        return [a for a in run.artifacts if a == path or a.startswith(path + '/')]

    def set_model_version_tag(self, name, version, key, value):
        _record('set_model_version_tag', name, version, key, value)

    def set_registered_model_alias(self, name, alias, version):
        _record('set_registered_model_alias', name, alias, version)
