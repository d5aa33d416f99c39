"""deploy/kubernetes: the Zero to JupyterHub values give the same setup as one server, and Helm would accept them
(checked offline against the chart's own schema, chart/values.schema.yaml)."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import hub_cohort
import jsonschema
import pytest
import yaml

from support import ROOT
from tools import hub

KUBE = ROOT / "deploy" / "kubernetes"
CHART = KUBE / "chart"
EXAMPLE = ROOT / "hub" / "cohort.example.toml"


def helm_merge(base, override):
    """Merge values as Helm does: maps key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = helm_merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(override)


def values() -> dict:
    return yaml.safe_load((KUBE / "values.yaml").read_text(encoding="utf-8"))


def cohort_values() -> dict:
    return hub.kubernetes_values(hub_cohort.load(EXAMPLE))


def set_files() -> dict[str, str]:
    """``--set-file hub.extraFiles.<key>.stringData=<path>`` of helm-upgrade.sh, as {key: path}."""
    script = (KUBE / "helm-upgrade.sh").read_text(encoding="utf-8")
    return dict(re.findall(r"--set-file hub\.extraFiles\.([\w-]+)\.stringData=(\S+)", script))


def installed(extra=None) -> dict:
    """What Helm would validate: the chart's defaults, values.yaml, the class list, the files of helm-upgrade.sh."""
    files = {
        "hub": {
            "extraFiles": {
                key: {"stringData": (ROOT / path).read_text(encoding="utf-8")} for key, path in set_files().items()
            }
        }
    }
    merged = yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))
    for layer in (values(), cohort_values(), files, extra or {}):
        merged = helm_merge(merged, layer)
    return merged


def schema() -> dict:
    return yaml.safe_load((CHART / "values.schema.yaml").read_text(encoding="utf-8"))


def test_the_values_pass_the_charts_own_schema():
    jsonschema.Draft7Validator(schema()).validate(installed())


def test_the_schema_check_catches_a_mistake():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema()).validate(installed({"singleuser": {"memory": {"limits": "1G"}}}))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema()).validate(installed({"cull": {"timeout": "an hour"}}))


def test_the_vendored_chart_files_say_where_they_come_from():
    source = (CHART / "SOURCE.md").read_text(encoding="utf-8")
    assert "4.4.0" in source and "zero-to-jupyterhub-k8s" in source
    assert "--version 4.4.0" in (KUBE / "helm-upgrade.sh").read_text(encoding="utf-8")
    assert "jupyterhub==5.5.0" in (ROOT / "requirements-hub.txt").read_text(encoding="utf-8"), (
        "the learners' jupyterhub-singleuser matches the chart's hub (JupyterHub 5.5.0)"
    )


def test_every_mounted_file_comes_from_the_kit_and_has_a_mount_path():
    mounts = values()["hub"]["extraFiles"]
    assert set(set_files()) == set(mounts)
    for key, path in set_files().items():
        assert (ROOT / path).is_file(), path
        assert mounts[key]["mountPath"].startswith("/usr/local/etc/jupyterhub/")
    names = {Path(mounts[key]["mountPath"]).name for key in mounts}
    assert {p.name for p in (ROOT / "hub" / "templates").glob("*.html")} <= names, "every Japanese page"


def one_server_config(monkeypatch, tmp_path) -> object:
    """hub/jupyterhub_config.py as JupyterHub loads it, for the example class."""
    from traitlets.config import Config

    monkeypatch.setenv("KIT_HUB_COHORT", str(EXAMPLE))
    monkeypatch.setenv("KIT_HUB_STATE", str(tmp_path))
    config = Config()
    path = ROOT / "hub" / "jupyterhub_config.py"
    exec(
        compile(path.read_text(encoding="utf-8"), str(path), "exec"),
        {"get_config": lambda: config, "__file__": str(path)},
    )
    return config


def test_kubernetes_gives_the_same_roles_scopes_and_class_as_one_server(monkeypatch, tmp_path):
    pytest.importorskip("jupyterhub")
    one = one_server_config(monkeypatch, tmp_path)
    kube = installed()
    roles = {role["name"]: role for role in one.JupyterHub.load_roles}
    for name, role in kube["hub"]["loadRoles"].items():
        assert sorted(role["scopes"]) == sorted(roles[name]["scopes"]), name
        assert sorted(role.get("groups", [])) == sorted(roles[name].get("groups", [])), name
    assert kube["hub"]["config"]["JupyterHub"]["custom_scopes"] == dict(one.JupyterHub.custom_scopes)
    assert kube["hub"]["config"]["JupyterHub"]["load_groups"] == dict(one.JupyterHub.load_groups)
    assert set(kube["hub"]["config"]["Authenticator"]["allowed_users"]) == set(one.Authenticator.allowed_users)
    assert kube["singleuser"]["defaultUrl"] == one.Spawner.default_url
    assert kube["hub"]["config"]["JupyterHub"]["implicit_spawn_seconds"] == one.JupyterHub.implicit_spawn_seconds
    exchange = next(s for s in one.JupyterHub.services if s["name"] == "kit-exchange")
    assert kube["hub"]["services"]["kit-exchange"]["command"][-1].endswith(Path(exchange["command"][-1]).name)
    cohort = hub_cohort.load(EXAMPLE)
    assert kube["cull"]["enabled"] and kube["cull"]["timeout"] == cohort.settings.idle_minutes * 60
    assert kube["singleuser"]["memory"]["limit"] == f"{cohort.settings.memory_mb}M"


def test_the_learner_image_is_built_from_the_same_pins_and_starts_with_the_kits_script():
    dockerfile = (KUBE / "Dockerfile").read_text(encoding="utf-8")
    assert "requirements-hub.txt" in dockerfile and "-r requirements.txt" in (ROOT / "requirements-hub.txt").read_text(
        encoding="utf-8"
    )
    assert "--no-deps --editable /opt/kit" in dockerfile and "overrides.json" in dockerfile
    for folder in ("helpers", "data", "notebooks", "jupyter", "hub"):
        assert f"COPY {folder} /opt/kit/{folder}" in dockerfile, folder
    cmd = values()["singleuser"]["cmd"]
    assert cmd[-1] == "/opt/kit/hub/hub_singleuser.py" and (ROOT / "hub" / "hub_singleuser.py").is_file()
    assert "kit-exchange" in values()["singleuser"]["extraEnv"]["KIT_EXCHANGE_URL"]


def test_no_password_anywhere_in_the_deployment():
    for path in KUBE.glob("*"):
        if path.is_file():
            assert not re.search(r"(?<![-\w])password\s*[:=]", path.read_text(encoding="utf-8"), re.I), path


def test_the_values_command_writes_the_class_list_for_helm(tmp_path):
    output = hub.write_kubernetes_values(EXAMPLE, tmp_path / "cohort.values.yaml")
    written = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(cohort_values()))
    assert os.path.basename(str(hub.KUBERNETES_VALUES)) == "cohort.values.yaml"
