"""Question plan editor: per criterion scored at a stage, the questions, follow-up probes and a review
guide (strong, acceptable, weak, tied to the scale's levels). The plan is the role's, shared by
every candidate; a change after scoring began is recorded and shown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ... import fairness
from ...campaign_models import Campaign, PlanItem
from ...campaign_store import CampaignStore
from ...errors import BadInput
from ...models import SCORING_STAGES, Criterion, Role, Scale, Session
from ...plan_conflict import StalePlan
from ...safetext import plain
from ..dialogs.plan_compare import PlanCompare
from ..widgets.plan_form import PlanForm
from .editing import EditingScreen
from .follow import FOLLOW_SECONDS
from .plan_follow import PlanFollow


def plan_text(item: PlanItem) -> str:
    """The plan for one criterion as plain text (what is written out if it cannot be saved)."""
    parts = ["Questions:", *item.questions, "Probes:", *item.probes]
    parts += [f"{band.capitalize()}: {getattr(item.guide, band)}" for band in ("strong", "acceptable", "weak")]
    return "\n".join(parts)


def _fields(item: PlanItem) -> list[str]:
    return [
        "\n".join(item.questions),
        "\n".join(item.probes),
        item.guide.strong,
        item.guide.acceptable,
        item.guide.weak,
    ]


def typed(item: PlanItem, before: PlanItem | None = None) -> int:
    """The characters of a plan that were typed (plan_text adds labels to them); with ``before``, only
    those typed since it (per box, what lies between the text kept at its start and at its end)."""
    if before is None:
        return sum(len(line) for line in [*item.questions, *item.probes, *_fields(item)[2:]])
    count = 0
    for new, old in zip(_fields(item), _fields(before), strict=True):
        same = 0
        while same < min(len(new), len(old)) and new[same] == old[same]:
            same += 1
        end = 0
        while end < min(len(new), len(old)) - same and new[-1 - end] == old[-1 - end]:
            end += 1
        count += len(new) - same - end
    return count


class QuestionPlanScreen(EditingScreen[None]):
    """Edit the role's question plan, one criterion at a time."""

    HELP_TITLE = "Question plan"

    DEFAULT_CSS = "QuestionPlanScreen #plan-criteria { width: 10; height: 1fr; }"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="plan-save", priority=True),
        Binding("ctrl+t", "next_stage", "Stage", id="plan-stage", priority=True),
        Binding("ctrl+r", "compare", "Compare", id="plan-compare", priority=True),
        Binding("escape", "back", "Back", id="plan-back"),
    ]

    def __init__(self, role: Role, scale: Scale, actor: str, stage: str = "interview") -> None:
        super().__init__()
        self.role, self.scale, self.actor, self.stage = role, scale, actor, stage
        self.criteria: list[Criterion] = []
        self.current: Criterion | None = None
        self.shown: PlanItem | None = None  # what the form showed (browsing never saves)
        self.sessions: list[Session] = []
        self.campaign = Campaign(role_id=role.id)
        self.locked: str | None = None  # why this panellist may not change the plan (read-only), if so

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="plan-criteria")
            yield PlanForm(self.scale, id="plan-form")
        yield Footer()

    def on_mount(self) -> None:
        campaigns = CampaignStore(self.app.store)
        self.follow = PlanFollow(campaigns, self.role.id)
        self.set_interval(FOLLOW_SECONDS, self._poll)
        self._load_stage()

    def _load_stage(self) -> None:
        try:
            self.campaign = CampaignStore(self.app.store).load(self.role.id)
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            self.dismiss(None)
            return
        self.sessions = self.app.store.sessions_of_role(self.role.id)
        self._read_only(CampaignStore(self.app.store).plan_problem(self.role.id, self.actor))
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
        self.query_one(PlanForm).load(item)
        self.shown = item
        self.follow.based_on(self.campaign.plan_item(criterion.id, self.stage))
        self._status()

    def _read_only(self, problem: str | None) -> None:
        """Only the chair edits the plan (the core's rule): for anyone else the boxes are read-only."""
        self.locked = problem
        self.query_one(PlanForm).set_read_only(problem is not None)

    def _status(self) -> None:
        changed = [c for c in self.campaign.plan_changes if c.stage == self.stage]
        items = [self.campaign.plan_item(c.id, self.stage) for c in self.criteria]
        planned = sum(1 for item in items if fairness.plan_complete(item))
        partial = sum(1 for item in items if item is not None) - planned
        if self.follow.stale and self.current is not None:
            self.query_one("#plan-status", Static).update(plain(self.follow.line(self.current.id), "bold yellow"))
            return
        text = f"Read only: {self.locked}. " if self.locked else ""
        text += f"{planned} of {len(self.criteria)} planned"
        text += f" ({partial} begun: ◐ needs questions and a strong, acceptable and weak answer)" if partial else ""
        text += "; ctrl+t changes stage" if self.locked else "; ctrl+s saves, ctrl+t changes stage"
        if changed:
            last = changed[-1]
            text += f" · changed after scoring began: {len(changed)} (last {last.criterion} by {last.actor})"
        self.query_one("#plan-status", Static).update(plain(text))

    def _form(self) -> PlanItem | None:
        return None if self.current is None else self.query_one(PlanForm).item(self.current.id, self.stage)

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
        if self.locked and form == self.shown:  # read-only: nothing typed, nothing to keep
            self.notify(self.locked, severity="warning")
            return True
        base, shown = self.follow.base, self.shown

        def save() -> None:
            try:
                campaign = CampaignStore(self.app.store).set_plan_item(self.role.id, form, self.actor, based_on=base)
            except StalePlan as exc:
                self.follow.theirs, self.follow.stale = exc.current, exc.who
                self._status()
                raise
            self.campaign = campaign
            if self._form() == form:
                self.shown = form
            if self.current is not None and self.current.id == form.criterion:
                self.follow.based_on(campaign.plan_item(form.criterion, form.stage))

        label = f"Question plan for {form.criterion} ({form.stage})"
        count = typed(form, shown)
        if not self.save_or_keep(f"plan {form.criterion} {form.stage}", label, plan_text(form), save, count):
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

    def _poll(self) -> None:
        """Another terminal saved the plan: show it where nothing is typed here, else say so (text kept)."""
        if not self.follow.watch.changed():
            return
        try:
            self.campaign = CampaignStore(self.app.store).load(self.role.id)
        except BadInput:
            return  # said when the screen opened; the next change tries again
        options = self.query_one("#plan-criteria", OptionList)
        for index, c in enumerate(self.criteria):
            options.replace_option_prompt_at_index(
                index, f"{self._mark(self.campaign.plan_item(c.id, self.stage))} {c.id}"
            )
        saved = self.campaign.plan_item(self.current.id, self.stage) if self.current else None
        if self.current is not None and saved != self.follow.base and saved != self.follow.theirs:
            if self._dirty():
                self.follow.moved_on(saved, self.current.id, self.stage)
            else:
                self._show(self.current)
                self.notify(f"plan for {self.current.id} changed at another terminal: shown")
        self._status()

    def action_compare(self) -> None:
        """Yours beside the plan saved now: keep yours (saved over it), take theirs, or go back."""
        form = self._form() if self.current is not None else None
        if form is None:
            return
        try:
            saved = CampaignStore(self.app.store).load(self.role.id).plan_item(form.criterion, self.stage)
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return
        if saved == form or (saved is None and not self._dirty()):
            self.notify(f"plan for {form.criterion}: nothing here differs from the saved plan")
            return
        if saved != self.follow.base:
            self.follow.moved_on(saved, form.criterion, self.stage)
        by = f" (changed by {self.follow.stale})" if self.follow.stale else ""
        heading = f"Plan for {form.criterion} ({self.stage}): the saved plan{by} beside yours, which is not saved"

        def chosen(answer: str | None) -> None:
            if answer == "mine":
                self.follow.based_on(saved)
                self.action_save()
            elif answer == "theirs" and self.current is not None:
                self._kept().pop(f"plan {form.criterion} {self.stage}", None)
                others = [p for p in self.campaign.plan if (p.criterion, p.stage) != (form.criterion, self.stage)]
                self.campaign = self.campaign.model_copy(update={"plan": others + ([saved] if saved else [])})
                self._show(self.current)  # theirs, as loaded for the comparison

        mine = plan_text(form)
        self.app.push_screen(PlanCompare(heading, plan_text(saved) if saved else "", mine), chosen)

    def unsaved_name(self) -> str:
        return f"{self.role.id}-plan"

    def save_typed(self) -> None:
        if self._dirty():
            self.action_save()

    def action_back(self) -> None:
        """Leave, saving first; if the save fails, leaving asks (retry, write to a file, discard twice)."""
        self.leave_guarded()
