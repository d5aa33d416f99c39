"""Helpers behind the notebooks of the Amazon.co.jp seller-support training kit, in layers.

1. ``helpers.core`` — the engine. Records and loaders for ``data/``, the fact registry, rendering (escaped by
   default, one palette), cards and badges, the view contract, the controls several views share, the question
   engine, the progress store, the Japan-time clock and the character tables of text (dashes, invisible
   characters, width folding). It knows no topic. ``optional`` turns a missing pandas (the browser edition
   offline) into what to do.
2. Topic modules — one per thing the kit teaches, each built only on the engine (and on other topics below it):
   ``forms`` (what to type in Amazon's forms), ``hours`` (contact hours in Japan time), ``walkthrough`` (the
   contact procedures step by step), ``channels`` (the comparison and the recommender), ``contact_log`` (the
   seller's own log), ``preparation`` (the pre-call checklist), ``situations`` (when to contact), ``drafts`` (case
   drafts), ``redaction`` (a package: masking phone numbers, e-mail addresses and card numbers in free text, in
   linear time), ``facts`` (fact cards, the glossary and the legend), ``freshness`` (facts due for re-checking),
   ``quiz`` (the final quiz and its pass mark), ``progress`` (the progress store under its public name),
   ``records`` (the learner's record and a class of them, for the trainer).
3. ``helpers.course`` — the course on top: lessons of the manifest, their objectives, walkthroughs, exercises, key
   points and navigation, the progress table and the learner's record. Notebooks start from it.
4. ``helpers.trainer`` — the trainer's pack (agenda, answer key, cheat sheet), built from the course and the data.

Every teaching text lives in ``data/``; Python holds logic, short widget labels and the validation messages
beside the checks that raise them. No module imports a layer above its own, and nothing imports in a circle
(import-linter's contracts in ``pyproject.toml``). Importing any module reads no file and changes no global state.
"""
