"""pandas where the kit uses it: the comparison tables of the lessons marked ``pandas = true``.

The desktop kit always has pandas. The browser edition (JupyterLite) downloads pandas from Pyodide's CDN the first
time such a notebook imports it; without the internet it stays missing, and each view that needs it shows what to
do instead of a traceback.
"""

from __future__ import annotations

import functools
import importlib.util

from helpers.core import data
from helpers.core.render import RichText, alert

NEEDED = ("pandas", "numpy")


def pandas_available() -> bool:
    """Whether pandas can be imported here (always on the desktop; in the browser, once downloaded)."""
    return importlib.util.find_spec("pandas") is not None


def pandas_missing() -> RichText:
    """What to do when pandas could not be loaded (the browser edition without the internet)."""
    return alert(data.say("course.pandas_missing"))


def needs_pandas(function):
    """Show ``pandas_missing()`` instead of a traceback when ``function`` finds no pandas."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except ModuleNotFoundError as exc:
            if exc.name not in NEEDED:
                raise
            return pandas_missing()

    return wrapper
