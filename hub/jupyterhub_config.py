"""JupyterHub's configuration for a class on one server: ``python3 kit.py hub`` (tools/hub.py) starts
``jupyterhub -f hub/jupyterhub_config.py`` as root with these variables set:

- ``KIT_HUB_COHORT``: the class list (``hub/cohort.toml``, see hub_cohort.py); ``KIT_HUB_STATE``: the hub's own
  folder (database, cookie secret, the exchange's documents; root only);
- ``KIT_HUB_IP`` / ``KIT_HUB_PORT``: the address learners open (127.0.0.1:8000 unless told otherwise);
- ``KIT_HUB_PROXY``: configurable-http-proxy from build/hub-tools; ``KIT_HUB_PORTS``: ``api,proxy_api,exchange``;
- ``KIT_HUB_CULL_SECONDS`` (tests only): the culler's timeout instead of the class list's ``idle_minutes``.

What it sets up (the README's 「研修をハブで行う」 explains it for trainers):

- **Accounts**: NativeAuthenticator (JupyterHub's own-password authenticator). Only names on the class list may
  sign up or log in; each person chooses their own password when signing up (8 characters or more, not a common
  one); five wrong passwords in a row lock the name for five minutes. There is no default password. The page
  texts are Japanese (``hub/templates``).
- **Isolation**: each person's server runs as their own system user ``kit-<name>`` (home 0700) with
  LocalProcessSpawner; learners are no hub admins and their tokens can reach only their own server.
- **Memory**: every process of a server (the server and each kernel) is limited by ``RLIMIT_DATA`` to
  ``memory_mb``: an allocation beyond it fails (MemoryError in the kernel) instead of starving the others.
- **Culling**: jupyterhub-idle-culler stops servers idle for ``idle_minutes`` (the learner's files stay);
  kernels of closed pages are culled by the server after 10 idle minutes.
- **Exchange**: the ``kit-exchange`` service (hub_exchange.py) stores each learner's progress; the hub gives
  every server ``access:services!service=kit-exchange`` and only trainers' servers
  ``custom:kit-exchange:read-all``.
"""

import os
import resource
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import hub_cohort  # noqa: E402
from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid  # noqa: E402
from kit_accounts import CohortAuthenticator  # noqa: E402

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

COHORT = hub_cohort.load(Path(os.environ["KIT_HUB_COHORT"]))
STATE = Path(os.environ["KIT_HUB_STATE"])
API_PORT, PROXY_API_PORT, EXCHANGE_PORT = (int(p) for p in os.environ.get("KIT_HUB_PORTS", "8081,8001,8101").split(","))
EXCHANGE = "kit-exchange"
READ_ALL = f"custom:{EXCHANGE}:read-all"
START = "notebooks/00_start.ipynb"
MEMORY_BYTES = COHORT.settings.memory_mb * 1024 * 1024
KERNEL_CULLING = ["--MappingKernelManager.cull_interval=60", "--MappingKernelManager.cull_idle_timeout=600"]
# The code-free app, as `kit.py app` serves it (kit.py VOILA_OPTIONS), here as the server's Voilà extension.
APP_OPTIONS = ["--VoilaConfiguration.strip_sources=True", "--TagRemovePreprocessor.remove_cell_tags=lab-only"]


# ---------------------------------------------------------------- accounts

c.JupyterHub.authenticator_class = CohortAuthenticator
c.Authenticator.allowed_users = set(COHORT.names)
c.Authenticator.admin_users = set()


# ---------------------------------------------------------------- each person's own server


class KitSpawner(LocalProcessSpawner):
    """LocalProcessSpawner for hub user ``tanaka`` as system user ``kit-tanaka``, memory-limited, with the kit."""

    def make_preexec_fn(self, name):
        become_user = set_user_setuid(hub_cohort.system_user(name))

        def preexec():
            resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_BYTES, MEMORY_BYTES))  # before giving up root
            become_user()

        return preexec

    def user_env(self, env):
        import pwd

        account = pwd.getpwnam(hub_cohort.system_user(self.user.name))
        env.update(
            USER=account.pw_name,
            HOME=account.pw_dir,
            SHELL=account.pw_shell or "/bin/bash",
            KIT_PROGRESS_FILE=f"{account.pw_dir}/.kit/progress.json",
            KIT_ROOT=str(ROOT),
            KIT_ROLE=COHORT.role(self.user.name) or "learner",
            KIT_EXCHANGE_URL=f"http://127.0.0.1:{EXCHANGE_PORT}/services/{EXCHANGE}/",
        )
        return env


c.JupyterHub.spawner_class = KitSpawner
c.Spawner.cmd = [sys.executable, str(HERE / "hub_singleuser.py")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = f"/voila/render/{START}" if COHORT.settings.default == "app" else f"/lab/tree/{START}"
# expose_app_in_browser lets the kit's browser checks (tests, bench) read JupyterLab's state from the page, as in
# tools/browser.py; it gives the page nothing its own user could not already do.
c.Spawner.args = KERNEL_CULLING + APP_OPTIONS + ["--LabApp.expose_app_in_browser=True"]
c.Spawner.mem_limit = MEMORY_BYTES  # shown to the server as MEM_LIMIT; enforced by RLIMIT_DATA above
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90


# ---------------------------------------------------------------- the hub itself

c.JupyterHub.ip = os.environ.get("KIT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("KIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = API_PORT
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every server: nothing is left running
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.command = [os.environ.get("KIT_HUB_PROXY", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PROXY_API_PORT}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
# A learner who opens a link to their own stopped (culled) server gets it started again instead of a page to act on.
c.JupyterHub.implicit_spawn_seconds = 1
c.JupyterHub.template_paths = [str(HERE / "templates")]
c.JupyterHub.template_vars = {"kit_title": COHORT.settings.title or "出品者のためのサポート問い合わせ練習キット"}


# ---------------------------------------------------------------- services: the exchange and the idle culler

cull_seconds = int(os.environ.get("KIT_HUB_CULL_SECONDS") or COHORT.settings.idle_minutes * 60)
c.JupyterHub.services = [
    {
        "name": EXCHANGE,
        "url": f"http://127.0.0.1:{EXCHANGE_PORT}",
        "command": [sys.executable, str(HERE / "hub_exchange.py")],
        "environment": {"KIT_EXCHANGE_DIR": str(STATE / "exchange")},
    },
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={cull_seconds}",
            f"--cull-every={max(5, min(60, cull_seconds // 4))}",
        ],
    },
]
c.JupyterHub.custom_scopes = {READ_ALL: {"description": "Read every learner's progress in the kit's exchange."}}
c.JupyterHub.load_groups = {
    "learners": {"users": [p.name for p in COHORT.learners]},
    "trainers": {"users": [p.name for p in COHORT.trainers]},
}
c.JupyterHub.load_roles = [
    {
        "name": "kit-member",
        "description": "Use the kit's exchange (own progress)",
        "scopes": [f"access:services!service={EXCHANGE}"],
        "groups": ["learners", "trainers"],
    },
    {
        "name": "kit-trainer",
        "description": "Read the whole class's progress",
        "scopes": [READ_ALL],
        "groups": ["trainers"],
    },
    # A server's token gets these only where its owner has them: every server may publish, only trainers' read all.
    {
        "name": "server",
        "scopes": ["users:activity!user", "access:servers!server", f"access:services!service={EXCHANGE}", READ_ALL],
    },
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]
