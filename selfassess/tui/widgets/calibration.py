"""Calibration chart for moderation: each panellist's mean and spread against the panel's, across all
the role's candidates at a stage (who marks hard or soft), and the criteria the panel disagrees on most."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ... import fairness
from ...models import Scale, Session
from ...safetext import plain

BAR = 21
SOFT_OR_HARD = 0.5  # an offset this large (in scale points) is called soft or hard


def _bar(value: float, spread: float, panel: float | None, scale: Scale) -> Text:
    """A one-line chart of the scale: ● the mean, ─ one spread either side, │ the panel's mean."""
    low, high = scale.minimum, scale.maximum

    def at(v: float) -> int:
        return round((min(max(v, low), high) - low) / ((high - low) or 1) * (BAR - 1))

    cells = ["·"] * BAR
    for i in range(at(value - spread), at(value + spread) + 1):
        cells[i] = "─"
    if panel is not None:
        cells[at(panel)] = "│"
    cells[at(value)] = "●"
    return Text(f"{low} " + "".join(cells) + f" {high}")


def calibration_text(sessions: list[Session], stage: str, scale: Scale, viewer: str, top: int = 3) -> Text:
    """The chart as ``viewer`` may see it (also what the tests read): only the candidates they have
    submitted their own scores for; one line saying why when that is none."""
    result = fairness.calibration(sessions, stage, viewer)
    out = Text()
    if not result.candidates and result.total:
        out.append(
            f"Calibration ({stage}): shown once you submit your own scores (each panellist sees only their "
            "own scores until they submit)",
            style="dim",
        )
        return out
    if result.mean is None:
        out.append(f"Calibration ({stage}): no scores yet across this role's candidates", style="dim")
        return out
    counted = f"{result.candidates}" + (f" of {result.total}" if result.candidates < result.total else "")
    out.append(f"Calibration · {counted} candidates at {stage} · panel mean {result.mean:.1f}", style="bold")
    out.append(f" ±{result.spread:.1f}\n")
    width = max(len(p.panellist) for p in result.panellists)
    for p in result.panellists:
        lean = "soft" if p.offset >= SOFT_OR_HARD else "hard" if p.offset <= -SOFT_OR_HARD else "even"
        out.append_text(plain(p.panellist.ljust(width)))
        out.append(f"  {p.mean:4.1f} ±{p.spread:.1f}  {p.offset:+.1f} {lean:<4}  ")
        out.append_text(_bar(p.mean, p.spread, result.mean, scale))
        out.append("\n")
    worst = fairness.disagreement(sessions, stage, viewer, limit=top)
    if worst:
        out.append("Most disagreement: ", style="bold")
        out.append(", ".join(f"{d.criterion} spread {d.mean_spread:.1f} (max {d.max_spread})" for d in worst))
    else:
        out.append("Most disagreement: none yet", style="dim")
    return out


class CalibrationPanel(Static):
    """The calibration chart; call ``show`` with the role's sessions (full sessions, with scores) and who
    is looking."""

    DEFAULT_CSS = """
    CalibrationPanel { height: auto; padding: 0 1; border-top: solid $primary-darken-2; }
    """

    def show(self, sessions: list[Session], stage: str, scale: Scale, viewer: str) -> None:
        self.update(calibration_text(sessions, stage, scale, viewer))
