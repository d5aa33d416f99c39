"""The kit's part of the hub's configuration on Kubernetes, mounted by values.yaml (hub.extraFiles.kit-config)
into the chart's hub image, whose jupyterhub_config.py loads it (``c`` is the chart's configuration object).

values.yaml and cohort.values.yaml hold everything declarative (roles, groups, the exchange service, culling,
limits); this file holds what needs code, exactly as hub/jupyterhub_config.py does on one server: the accounts
(hub/kit_accounts.py, mounted beside it) and each server's role, which decides whether the trainers' cohort view
is copied into its home.
"""

import sys

sys.path.insert(0, "/usr/local/etc/jupyterhub/kit")

from kit_accounts import CohortAuthenticator

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

c.JupyterHub.authenticator_class = CohortAuthenticator


def kit_role(spawner):
    """Trainers (hub group ``trainers``) get the cohort view in ``~/trainer``; everyone else is a learner."""
    trainer = any(group.name == "trainers" for group in spawner.user.groups)
    spawner.environment["KIT_ROLE"] = "trainer" if trainer else "learner"


c.KubeSpawner.pre_spawn_hook = kit_role
