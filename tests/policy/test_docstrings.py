"""The examples in docstrings: pytest runs those of ``helpers/`` itself (``--doctest-modules`` over the test path
``helpers``, in pyproject.toml). Here: that the helpers have examples at all, and the examples of ``tools/config.py``,
which is not a test path (pytest would also collect its setting ``test_workers()`` as a test)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import helpers

MODULES = [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")]


def test_there_are_examples():
    finder = doctest.DocTestFinder()
    counted = sum(len(test.examples) for name in MODULES for test in finder.find(importlib.import_module(name)))
    assert counted >= 8


def test_the_settings_examples_hold():
    from tools import config

    result = doctest.testmod(config, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1 and result.failed == 0
