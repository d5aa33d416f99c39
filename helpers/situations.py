"""When tech support is the one to contact: the article's three situations, and a triage widget."""

from __future__ import annotations

from helpers import channels
from helpers.core import data, registry
from helpers.core.cards import fact_card
from helpers.core.render import RichText, bullets, heading, join, para, span, strong
from helpers.core.view import View


def situation_view(situation: data.Situation) -> RichText:
    """Show one situation: example, what to do, the article's view and its correction, risks, best channel."""
    def listed(key: str, items) -> RichText:
        return join([para(strong(data.say(key))), bullets(items, ordered=True)])

    parts = [heading(situation.title, level=4), para(data.say("situations.example", example=situation.example)),
             listed("situations.what_to_do", situation.what_to_do),
             fact_card(situation, title=data.say("situations.article_view"))]
    if situation.beyond:
        parts.append(listed("situations.beyond", situation.beyond))
    parts.append(listed("situations.risks", situation.risks))
    if situation.recommend:
        ranked = channels.recommend(channels.comparison_frame(), **situation.recommend)
        parts.append(para(strong(channels.best_channel(ranked)), " ",
                          span(data.say("situations.recommend_why", why=situation.recommend_why))))
        parts.append(channels.ranking_table(ranked))
    return join(parts)


class Triage(View):
    """Pick the situation you are in; see what to do, what the article says and what has changed."""

    def __init__(self):
        self.situations = data.load_situations()
        self.chosen: str | None = None

    def show(self, situation_id: str | None) -> RichText:
        """Choose a situation (by id) and return what is shown for it."""
        self.chosen = situation_id
        self._refresh()
        return self.shown()

    def shown(self) -> RichText:
        if self.chosen is None:
            return para(data.say("situations.choose_prompt"))
        return situation_view(registry.get(self.chosen))

    def _build(self):
        import ipywidgets as w

        choice = w.RadioButtons(options=[(s.title, s.id) for s in self.situations], value=self.chosen,
                                description=data.say("situations.choice_label"), style={"description_width": "initial"},
                                layout=w.Layout(width="max-content"))
        choice.observe(lambda change: self.show(change["new"]), names="value")
        view = w.HTML()
        return w.VBox([choice, view]), {"situation": choice, "view": view}

    def _render(self) -> None:
        self._controls["view"].value = self.shown().html

    def static(self) -> RichText:
        return join([situation_view(s) for s in self.situations], "<hr>", "\n\n")


def triage() -> Triage:
    """Build the triage widget over the situations of ``data/situations.toml``."""
    return Triage()
