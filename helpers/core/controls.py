"""Controls that several views share, built in one place so that they read and mean the same everywhere.

- ``plan_toggle``: the selling plan, as 「大口出品（Professional）」 / 「小口出品（Individual）」;
- ``topic_checkbox``: ticked when the chosen topic offers **no** phone or chat (the situation of the rule
  ``topic_without_phone_chat``, SC-TOPIC), unticked by default.

The walkthrough of Seller Central, the channel recommender and the 「何が起きた？」 card use them. A view passes its
current value and a callback taking the new value; ipywidgets is imported only here, when a widget is built.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers.core import data


def plan_toggle(value: str, on_change: Callable[[str], object]):
    """The selling plan: one button per plan of the vocabulary, with its English name."""
    import ipywidgets as w

    plans = data.load_vocabulary().plans
    toggle = w.ToggleButtons(
        options=[(f"{term.ja}（{term.en}）", key) for key, term in plans.items()],
        value=value,
        description=data.say("controls.plan_label"),
        tooltips=[term.ja for term in plans.values()],
        style={"description_width": "initial", "button_width": "auto"},
    )
    toggle.observe(lambda change: on_change(change["new"]), names="value")
    return toggle


def topic_checkbox(topic_offers_phone_chat: bool, on_change: Callable[[bool], object]):
    """Ticked when the chosen topic offers no phone or chat; ``on_change`` gets whether it offers them."""
    import ipywidgets as w

    box = w.Checkbox(
        value=not topic_offers_phone_chat,
        indent=False,
        description=data.say("controls.topic_label"),
        layout=w.Layout(width="auto"),
    )
    box.observe(lambda change: on_change(not change["new"]), names="value")
    return box
