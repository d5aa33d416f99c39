"""When tech support is the one to contact: the article's three situations, and a triage widget.

For each situation the learner sees what to do first (by case), the article's view with its correction, the
findings beyond the article, the risks, and the channel to use, ranked for their own plan and the hour.
"""

from __future__ import annotations

from datetime import datetime

from helpers import channels
from helpers.core import data, registry
from helpers.core.cards import fact_card, fact_cards
from helpers.core.clock import Clock, now_in_japan
from helpers.core.render import CHOICES_CLASS, WIDGET_CSS, RichText, bullets, heading, join, para, span, strong
from helpers.core.view import View


def _said(situation: data.Situation, text: str) -> str:
    """A situation's text with the facts it quotes by name (``{SAFE-T.values.days}``) filled in."""
    return registry.registry().resolve(text, f"situations.toml: {situation.id}")


def steps_view(situation: data.Situation) -> RichText:
    """What to do, in order, case by case."""
    parts = [para(strong(data.say("situations.what_to_do")))]
    for branch in situation.steps:
        if branch.when:
            parts.append(para(span(data.say("situations.when", when=_said(situation, branch.when)), bold=True)))
        parts.append(bullets([_said(situation, do) for do in branch.do], ordered=True))
    return join(parts)


def channel_view(situation: data.Situation, plan: str = "professional", at: datetime | None = None) -> RichText:
    """The channel to use for this situation, ranked with the kit's weights for it, the plan and the hour."""
    if not situation.recommend:
        return RichText("", "")
    ranked = channels.rank(**situation.recommend, plan=plan, at=at)
    situation_text = data.say("situations.for_you", plan=data.load_vocabulary().plan(plan),
                              hour=data.say("situations.hour_judged") if at else data.say("situations.hour_not_judged"))
    return join([para(strong(channels.best_channel(ranked)), " ", situation_text),
                 para(span(data.say("situations.recommend_why", why=_said(situation, situation.recommend_why)))),
                 channels.ranking_table(ranked)])


def situation_view(situation: data.Situation, plan: str = "professional", at: datetime | None = None) -> RichText:
    """Show one situation: example, what to do, the article's view and its correction, findings, risks, channel."""
    parts = [heading(situation.title, level=4), para(data.say("situations.example", example=situation.example)),
             steps_view(situation), fact_card(situation, title=data.say("situations.article_view"))]
    if situation.facts:
        parts += [para(strong(data.say("situations.beyond"))), fact_cards(situation.facts)]
    parts += [para(strong(data.say("situations.risks"))), bullets([_said(situation, r) for r in situation.risks]),
              channel_view(situation, plan, at)]
    return join(parts)


class Triage(View):
    """Pick the situation you are in (and your plan); see what to do, what changed, and the channel to use now."""

    def __init__(self, clock: Clock = now_in_japan):
        self.clock = clock
        self.situations = data.load_situations()
        self.chosen: str | None = None
        self.plan = "professional"

    def show(self, situation_id: str | None) -> RichText:
        """Choose a situation (by id) and return what is shown for it."""
        self.chosen = situation_id
        self._refresh()
        return self.shown()

    def set_plan(self, plan: str) -> RichText:
        """Set the learner's selling plan; the recommended channel follows it."""
        self.plan = data.load_vocabulary().check_plan(plan)
        self._refresh()
        return self.shown()

    def shown(self) -> RichText:
        if self.chosen is None:
            return para(data.say("situations.choose_prompt"))
        return situation_view(registry.get(self.chosen), self.plan, self.clock())

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        choice = w.RadioButtons(options=[(s.title, s.id) for s in self.situations], value=self.chosen,
                                description=data.say("situations.choice_label"), style=style,
                                layout=w.Layout(width="auto"))
        choice.add_class(CHOICES_CLASS)
        plans = data.load_vocabulary().plans
        plan = w.ToggleButtons(options=[(f"{t.ja}（{t.en}）", key) for key, t in plans.items()], value=self.plan,
                               description=data.say("walkthrough.plan_label"), style={**style, "button_width": "auto"})
        choice.observe(lambda change: self.show(change["new"]), names="value")
        plan.observe(lambda change: self.set_plan(change["new"]), names="value")
        view = w.HTML()
        return w.VBox([w.HTML(WIDGET_CSS), choice, plan, view]), {"situation": choice, "plan": plan, "view": view}

    def _render(self) -> None:
        self._controls["view"].value = self.shown().html

    def static(self) -> RichText:
        """Every situation, for a large seller with the hour not judged: what a reader without a kernel sees."""
        return join([situation_view(s) for s in self.situations], "<hr>", "\n\n")


def triage(clock: Clock = now_in_japan) -> Triage:
    """Build the triage widget over the situations of ``data/situations.toml``; ``clock`` fixes "now"."""
    return Triage(clock)
