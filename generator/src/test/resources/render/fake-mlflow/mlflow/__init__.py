# A stand-in for the mlflow client, enough for the registration script: the runs come from the
# JSON file named by FAKE_MLFLOW_RUNS; every call that changes the registry is appended to
# FAKE_MLFLOW_CALLS, one JSON line each, for the test to read.
import json, os


class _Version:
    def __init__(self, name, version):
        self.name = name
        self.version = version


def _record(*call):
    with open(os.environ['FAKE_MLFLOW_CALLS'], 'a') as calls:
        calls.write(json.dumps(list(call)) + '\n')


def register_model(model_uri, name):
    _record('register_model', model_uri, name)
    return _Version(name, '7')
