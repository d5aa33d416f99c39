"""Helpers behind the notebooks of the Amazon.co.jp seller-support training kit.

One module per topic: ``data`` (validated loaders for ``data/``), ``facts`` (the fact registry and how a fact
is shown), ``hours`` (contact hours in Japan time), ``lessons`` (the notebook manifest), ``display`` (objects
that render in JupyterLab, on GitHub and as plain text). Importing this package loads nothing else.
"""
