"""The view contract shared by every widget-backed object of the kit.

A view is a model first. Its state lives in plain attributes and changes only through its methods, which tests
call directly; the widget mirrors that state and is never read back. Every view has:

- ``static()``: a ``RichText`` of what a reader without a kernel sees (GitHub, nbviewer, the stored notebook);
  deterministic, since nbval compares it.
- ``widget``: the ipywidgets tree, built once, on first use, by ``_build()``.
- ``controls``: the widgets a learner acts on, by name (tests click and type into them).
- ``_repr_mimebundle_``: the live widget together with the static HTML and text, so JupyterLab shows the widget and
  everything else shows the static version;
- ``progress_item``: what it records in the progress store when the learner finishes it (None: nothing); the course
  reads these to say what is done in each lesson.

ipywidgets is imported only when a widget is built, so models and their tests need no front end.
"""

from __future__ import annotations

from typing import Any

from helpers.core.render import EMPTY, RichText, status


class View:
    """Base of every widget-backed object: model state, one widget built once, a static fallback."""

    _widget: Any = None
    _controls: dict[str, Any]
    progress_note: RichText = EMPTY  # what the learner should know about recording their progress
    progress_item: str | None = None  # what the view records when the learner finishes it (walkthrough, exercise, quiz)

    def _record(self, item: str, detail: dict | None = None) -> None:
        """Record progress where the learner acted; keep any message about it to show beside the action."""
        from helpers.core import progress

        message = progress.safely_record(item, detail)
        self.progress_note = status(message) if message else EMPTY

    def _build(self) -> tuple[Any, dict[str, Any]]:
        """Build and return the widget tree and its controls by name (subclasses)."""
        raise NotImplementedError

    def _render(self) -> None:
        """Mirror the model's state into the built widgets (subclasses that change after building)."""

    def static(self) -> RichText:
        """What a reader without a kernel sees (subclasses)."""
        raise NotImplementedError

    @property
    def widget(self):
        if self._widget is None:
            self._widget, self._controls = self._build()
            # A stable hook for the browser tests and for anyone styling the kit: kit-walkthrough, kit-checklist, …
            self._widget.add_class(f"kit-{type(self).__name__.lower()}")
            self._render()
        return self._widget

    @property
    def controls(self) -> dict[str, Any]:
        self.widget  # noqa: B018  (building it is the point)
        return self._controls

    def _refresh(self) -> None:
        """Call after every state change: updates the widgets if they exist, builds nothing."""
        if self._widget is not None:
            self._render()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle.update(self.static()._repr_mimebundle_())
        return bundle
