"""The question plan's form for one criterion: questions and follow-up probes (one a line, capped) and
the review guide (strong, acceptable, weak answer, tied to the scale's levels). Read-only for anyone
the core does not let change the plan."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from ... import fair_caps, fairness
from ...campaign_models import PlanItem, ReviewGuide
from ...models import Scale
from .capped_text_area import CappedTextArea

COUNT_AFTER_SECONDS = 0.3
BANDS = ("strong", "acceptable", "weak")


def plan_lines(text: str) -> list[str]:
    """A box's non-empty lines, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class PlanForm(Vertical):
    """The boxes of one criterion's plan, with the criterion above and a status line below."""

    DEFAULT_CSS = """
    PlanForm { width: 1fr; height: 1fr; }
    PlanForm #plan-criterion { height: auto; max-height: 2; padding: 0 1; }
    PlanForm #plan-questions { height: 5; }
    PlanForm #plan-probes { height: 4; }
    PlanForm Input { height: 3; }
    PlanForm #plan-status { height: auto; padding: 0 1; }
    """

    def __init__(self, scale: Scale, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scale = scale
        self._to_count: set[TextArea] = set()
        self._count_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="plan-criterion")
        for box in ("questions", "probes"):
            yield CappedTextArea(
                id=f"plan-{box}",
                soft_wrap=True,
                max_line=fair_caps.QUESTION_MAX_CHARS,
                max_lines=fair_caps.PLAN_LINES_MAX,
            )
        for band in BANDS:
            yield Input(id=f"plan-{band}", max_length=fair_caps.GUIDE_MAX_CHARS)
        yield Static(id="plan-status", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#plan-questions").border_title = "Questions (one a line)"
        self.query_one("#plan-probes").border_title = "Follow-up probes (one a line)"
        for band in BANDS:
            box = self.query_one(f"#plan-{band}", Input)
            box.border_title = f"{band.capitalize()} answer ({fairness.band_span(self.scale, band)})"

    def load(self, item: PlanItem) -> None:
        """Show one criterion's plan."""
        self.query_one("#plan-questions", TextArea).load_text("\n".join(item.questions))
        self.query_one("#plan-probes", TextArea).load_text("\n".join(item.probes))
        for band in BANDS:
            self.query_one(f"#plan-{band}", Input).value = getattr(item.guide, band)

    def item(self, criterion: str, stage: str) -> PlanItem:
        """The plan as typed (ValueError if a box breaks the model's limits)."""
        guide = ReviewGuide(**{b: self.query_one(f"#plan-{b}", Input).value for b in BANDS})
        return PlanItem.model_validate(
            {
                "criterion": criterion,
                "stage": stage,
                "questions": plan_lines(self.query_one("#plan-questions", TextArea).text),
                "probes": plan_lines(self.query_one("#plan-probes", TextArea).text),
                "guide": guide,
            }
        )

    def set_read_only(self, locked: bool) -> None:
        """Read-only boxes (nothing can be typed) for someone who may not change the plan."""
        for box in self.query(TextArea):
            box.read_only = locked
        for band in BANDS:
            self.query_one(f"#plan-{band}", Input).disabled = locked

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        """Count the box's lines a moment after typing (not per key: a long paste stays responsive)."""
        self._to_count.add(event.text_area)
        if self._count_timer is None:
            self._count_timer = self.set_timer(COUNT_AFTER_SECONDS, self._count_lines)

    def _count_lines(self) -> None:
        """The boxes' caps as they fill: lines used, and the longest line against the limit."""
        self._count_timer = None
        for area in self._to_count:
            lines = plan_lines(area.text)
            longest = max((len(line) for line in lines), default=0)
            over = len(lines) > fair_caps.PLAN_LINES_MAX or longest > fair_caps.QUESTION_MAX_CHARS
            area.border_subtitle = (
                f"{len(lines)}/{fair_caps.PLAN_LINES_MAX} lines · longest {longest:,}/{fair_caps.QUESTION_MAX_CHARS:,}"
                + (" - too long: shorten before saving" if over else "")
            )
        self._to_count.clear()

    @on(Input.Changed)
    def _count_chars(self, event: Input.Changed) -> None:
        event.input.border_subtitle = fair_caps.counter(event.value, fair_caps.GUIDE_MAX_CHARS)
