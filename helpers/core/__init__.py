"""The kit's engine: everything the topic modules build on, and nothing about any one topic.

- ``schema``     raw TOML/CSV records → validated frozen dataclasses (errors name file, record and field)
- ``data``       the record types and one loader per file of ``data/``, plus ``say()`` for the kit's sentences
- ``registry``   every fact-bearing record by id; cross-references and ``{ID.path}`` templates checked
- ``render``     ``RichText`` (HTML + text), builders that escape by default, the palette, escaped pandas Stylers
- ``cards``      how a fact is shown: status badge, card, caution, one-line note
- ``view``       the contract of every widget-backed object (``controls``, ``widget``, ``static()``)
- ``questions``  the question engine behind exercises and the quiz
- ``progress``   the learner's progress store (load, record, atomic write)
- ``clock``      Japan time
- ``text``       the characters written in and between numbers (dashes, invisible ones) and width folding

Nothing in ``helpers.core`` imports a topic module or the course layer (``tests/test_architecture.py``).
"""
