"""The examples in the helpers' docstrings are true: each one runs as a doctest."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import helpers

MODULES = [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_there_are_examples():
    counted = sum(doctest.testmod(importlib.import_module(name)).attempted for name in MODULES)
    assert counted >= 8
