"""Question plan editor: per criterion scored at a stage, the questions, follow-up probes and a review
guide (strong, acceptable, weak, tied to the scale's levels). The plan is the role's, shared by
every candidate; a change after scoring began is recorded and shown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ... import fair_caps, fairness
from ...campaign_models import Campaign, PlanItem, ReviewGuide
from ...campaign_store import CampaignStore
from ...errors import BadInput
from ...models import SCORING_STAGES, Criterion, Role, Scale, Session
from ...safetext import plain
from ..widgets.capped_text_area import CappedTextArea
from .editing import EditingScreen

COUNT_AFTER_SECONDS = 0.3


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def plan_text(item: PlanItem) -> str:
    """The plan for one criterion as plain text (what is written out if it cannot be saved)."""
    parts = ["Questions:", *item.questions, "Probes:", *item.probes]
    parts += [f"{band.capitalize()}: {getattr(item.guide, band)}" for band in ("strong", "acceptable", "weak")]
    return "\n".join(parts)


def typed(item: PlanItem) -> int:
    """The characters of a plan that were typed (plan_text adds labels to them)."""
    bands = (item.guide.strong, item.guide.acceptable, item.guide.weak)
    return sum(len(line) for line in [*item.questions, *item.probes, *bands])


class QuestionPlanScreen(EditingScreen[None]):
    """Edit the role's question plan, one criterion at a time."""

    HELP_TITLE = "Question plan"

    DEFAULT_CSS = """
    QuestionPlanScreen #plan-criteria { width: 10; height: 1fr; }
    QuestionPlanScreen #plan-form { width: 1fr; height: 1fr; }
    QuestionPlanScreen #plan-criterion { height: auto; max-height: 2; padding: 0 1; }
    QuestionPlanScreen #plan-questions { height: 5; }
    QuestionPlanScreen #plan-probes { height: 4; }
    QuestionPlanScreen #plan-form Input { height: 3; }
    QuestionPlanScreen #plan-status { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="plan-save", priority=True),
        Binding("ctrl+t", "next_stage", "Stage", id="plan-stage", priority=True),
        Binding("escape", "back", "Back", id="plan-back"),
    ]

    def __init__(self, role: Role, scale: Scale, actor: str, stage: str = "interview") -> None:
        super().__init__()
        self.role, self.scale, self.actor, self.stage = role, scale, actor, stage
        self.criteria: list[Criterion] = []
        self.current: Criterion | None = None
        self.shown: PlanItem | None = None
        self.sessions: list[Session] = []
        self.campaign = Campaign(role_id=role.id)
        self._to_count: set[TextArea] = set()
        self._count_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="plan-criteria")
            with Vertical(id="plan-form"):
                yield Static(id="plan-criterion")
                yield CappedTextArea(
                    id="plan-questions",
                    soft_wrap=True,
                    max_line=fair_caps.QUESTION_MAX_CHARS,
                    max_lines=fair_caps.PLAN_LINES_MAX,
                )
                yield CappedTextArea(
                    id="plan-probes",
                    soft_wrap=True,
                    max_line=fair_caps.QUESTION_MAX_CHARS,
                    max_lines=fair_caps.PLAN_LINES_MAX,
                )
                for band in ("strong", "acceptable", "weak"):
                    yield Input(id=f"plan-{band}", max_length=fair_caps.GUIDE_MAX_CHARS)
                yield Static(id="plan-status", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#plan-questions").border_title = "Questions (one a line)"
        self.query_one("#plan-probes").border_title = "Follow-up probes (one a line)"
        for band in ("strong", "acceptable", "weak"):
            box = self.query_one(f"#plan-{band}", Input)
            box.border_title = f"{band.capitalize()} answer ({fairness.band_span(self.scale, band)})"
        self._load_stage()

    def _load_stage(self) -> None:
        try:
            self.campaign = CampaignStore(self.app.store).load(self.role.id)
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            self.dismiss(None)
            return
        self.sessions = self.app.store.sessions_of_role(self.role.id)
        self.criteria = fairness.plan_criteria(self.role, self.sessions, self.stage)
        self.sub_title = f"Question plan · {self.role.title} · {self.stage}"
        options = self.query_one("#plan-criteria", OptionList)
        options.clear_options()
        for c in self.criteria:
            options.add_option(Option(f"{self._mark(self.campaign.plan_item(c.id, self.stage))} {c.id}", id=c.id))
        self.current = None
        if self.criteria:
            options.highlighted = 0
            self._show(self.criteria[0])
        else:
            self.query_one("#plan-criterion", Static).update(f"No criteria are scored at {self.stage}.")

    @staticmethod
    def _mark(item: PlanItem | None) -> str:
        """● planned (questions and a full guide), ◐ begun, ○ nothing yet."""
        return "●" if fairness.plan_complete(item) else ("◐" if item is not None else "○")

    def _show(self, criterion: Criterion) -> None:
        self.current = criterion
        item = self.campaign.plan_item(criterion.id, self.stage)
        item = item or PlanItem(criterion=criterion.id, stage=self.stage, questions=list(criterion.questions))  # type: ignore[arg-type]
        self.query_one("#plan-criterion", Static).update(plain(f"{criterion.id} ({criterion.kind}): {criterion.text}"))
        self.query_one("#plan-questions", TextArea).load_text("\n".join(item.questions))
        self.query_one("#plan-probes", TextArea).load_text("\n".join(item.probes))
        for band in ("strong", "acceptable", "weak"):
            self.query_one(f"#plan-{band}", Input).value = getattr(item.guide, band)
        self.shown = item
        self._status()

    def _status(self) -> None:
        changed = [c for c in self.campaign.plan_changes if c.stage == self.stage]
        items = [self.campaign.plan_item(c.id, self.stage) for c in self.criteria]
        planned = sum(1 for item in items if fairness.plan_complete(item))
        partial = sum(1 for item in items if item is not None) - planned
        text = f"{planned} of {len(self.criteria)} planned"
        text += f" ({partial} begun: ◐ needs questions and a strong, acceptable and weak answer)" if partial else ""
        text += "; ctrl+s saves, ctrl+t changes stage"
        if changed:
            last = changed[-1]
            text += f" · changed after scoring began: {len(changed)} (last {last.criterion} by {last.actor})"
        self.query_one("#plan-status", Static).update(plain(text))

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
            lines = _lines(area.text)
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

    def _form(self) -> PlanItem | None:
        if self.current is None:
            return None
        guide = ReviewGuide(**{b: self.query_one(f"#plan-{b}", Input).value for b in ("strong", "acceptable", "weak")})
        return PlanItem.model_validate(
            {
                "criterion": self.current.id,
                "stage": self.stage,
                "questions": _lines(self.query_one("#plan-questions", TextArea).text),
                "probes": _lines(self.query_one("#plan-probes", TextArea).text),
                "guide": guide,
            }
        )

    def _dirty(self) -> bool:
        """True when the form differs from what was shown (so browsing never saves anything)."""
        form = self._form()
        return form is not None and form != self.shown

    @on(OptionList.OptionHighlighted, "#plan-criteria")
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        criterion = next((c for c in self.criteria if c.id == event.option.id), None)
        if criterion is None or criterion is self.current:
            return
        if self._dirty() and not self.action_save():
            return
        self._show(criterion)

    def action_save(self) -> bool:
        """Save the criterion's plan; a refusal (e.g. not the chair) is shown and the plan kept: leaving
        then asks (retry, write it to a file, or discard)."""
        try:
            form = self._form()
        except (BadInput, ValueError) as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return False
        if form is None:
            return True

        def save() -> None:
            self.campaign = CampaignStore(self.app.store).set_plan_item(self.role.id, form, self.actor)
            if self._form() == form:
                self.shown = form

        label = f"Question plan for {form.criterion} ({form.stage})"
        if not self.save_or_keep(f"plan {form.criterion} {form.stage}", label, plan_text(form), save, typed(form)):
            return False
        options = self.query_one("#plan-criteria", OptionList)
        index = [c.id for c in self.criteria].index(form.criterion)
        options.replace_option_prompt_at_index(index, f"{self._mark(form)} {form.criterion}")
        self._status()
        self.notify(f"plan for {form.criterion} saved")
        return True

    def action_next_stage(self) -> None:
        if self._dirty() and not self.action_save():
            return
        stages = [s for s in SCORING_STAGES if fairness.plan_criteria(self.role, self.sessions, s)]
        stages = stages or list(SCORING_STAGES)
        self.stage = stages[(stages.index(self.stage) + 1) % len(stages)] if self.stage in stages else stages[0]
        self._load_stage()

    def unsaved_name(self) -> str:
        return f"{self.role.id}-plan"

    def save_typed(self) -> None:
        if self._dirty():
            self.action_save()

    def action_back(self) -> None:
        """Leave, saving first; if the save fails, leaving asks (retry, write to a file, discard twice)."""
        self.leave_guarded()
