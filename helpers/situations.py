"""When tech support is the one to contact: the article's three situations, and a triage widget."""

from __future__ import annotations

from helpers import data, facts
from helpers.display import RichText, esc, heading, join, widget_bundle


def situation_view(situation: data.Situation) -> RichText:
    """Show one situation: example, what to do, the article's view and its correction, risks, best channel."""
    from helpers import channels

    def bullets(title: str, items) -> RichText:
        return RichText(f"<p><strong>{esc(title)}</strong></p><ol>" + "".join(f"<li>{esc(i)}</li>" for i in items)
                        + "</ol>", f"{title}:\n" + "\n".join(f"  {n}. {i}" for n, i in enumerate(items, 1)))

    parts = [RichText(heading(esc(situation.title), 4) + f"<p>例: {esc(situation.example)}</p>",
                      f"{situation.title}\n例: {situation.example}"),
             bullets("すること", situation.what_to_do),
             facts.fact_card(situation, title="記事の考え方")]
    if situation.beyond:
        parts.append(bullets("記事にはないが確認されていること", situation.beyond))
    parts.append(bullets("リスク", situation.risks))
    if situation.recommend:
        ranked = channels.recommend(channels.comparison_frame(), **situation.recommend)
        best = ranked.iloc[0]
        parts.append(RichText(
            f"<p><strong>おすすめの方法: {esc(best['方法'])}</strong>（このキットの考え方: {esc(situation.recommend_why)}"
            "　比較の道具で計算した順位です）</p>" + channels.ranking_table(ranked).html,
            f"おすすめの方法: {best['方法']}（このキットの考え方: {situation.recommend_why}）\n"
            + channels.ranking_table(ranked).text))
    return join(parts)


class Triage:
    """Pick the situation you are in; see what to do, what the article says and what has changed."""

    def __init__(self):
        import ipywidgets as w

        self.situations = data.load_situations()
        self.choice = w.RadioButtons(options=[(s.title, s.id) for s in self.situations], value=None,
                                     description="いまの状況", style={"description_width": "initial"},
                                     layout=w.Layout(width="max-content"))
        self.view = w.HTML("<p>上から、いまの状況に近いものを選んでください。</p>")
        self.controls = {"situation": self.choice}
        self.choice.observe(lambda change: self.show(change["new"]), names="value")
        self.widget = w.VBox([self.choice, self.view])

    def show(self, situation_id: str | None) -> RichText:
        if situation_id is None:
            return RichText("", "")
        shown = situation_view(facts.get(situation_id))
        self.view.value = shown.html
        return shown

    def static(self) -> RichText:
        return join([situation_view(s) for s in self.situations], "<hr>", "\n\n")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget, self.static())


def triage() -> Triage:
    """Build the triage widget over the situations of ``data/situations.toml``."""
    return Triage()
