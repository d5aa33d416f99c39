"""Helpers behind the notebooks of the Amazon.co.jp seller-support training kit.

One module per topic. Data and display: ``data`` (validated loaders for ``data/``), ``facts`` (the fact registry
and how a fact is shown), ``display`` (objects that render in JupyterLab, on GitHub and as plain text),
``lessons`` (the notebook manifest), ``freshness`` (facts due for re-checking). Lessons: ``hours`` (contact hours
in Japan time), ``walkthrough`` (the contact procedures step by step), ``forms`` (what to type in Amazon's
forms), ``exercises``, ``channels`` (comparison and recommender), ``contact_log`` (the seller's own log),
``preparation`` (the pre-call checklist), ``situations`` (when to contact), ``drafts`` (case drafts and
redaction), ``quiz``, ``progress`` (the learner's progress file).

Importing this package, or any of its modules, reads no file and changes no global state.
"""
