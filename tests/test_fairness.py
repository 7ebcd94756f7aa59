"""Fair-selection rules (pure): conflicts, GIS minimum, reserve expiry and offer order, guide bands,
calibration, disagreement and cohort figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess import fairness, roles
from selfassess.models import Conflict, Consensus, Criterion, Decision, Panel, Role, Score, Session, Submission

SCALE = roles.get_scale("council-0-5")
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ROLE = Role(
    id="t",
    title="Test officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Degree", assessed_by=["application"]),
        Criterion(id="E2", kind="essential", text="Leadership", assessed_by=["application", "interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["application"]),
    ],
)


def make(sid: str = "s1", scores=None, consensus=None, stage: str = "shortlisting", **extra) -> Session:
    """A session built in memory: scores as {criterion: {panellist: value}}, consensus as {criterion: value}."""
    return Session(
        id=sid,
        schema_version=2,
        role=ROLE,
        scale=SCALE,
        created=T0,
        updated=T0,
        scores=[
            Score(panellist=p, criterion=c, stage=stage, value=v, time=T0)
            for c, by in (scores or {}).items()
            for p, v in by.items()
        ],
        consensus=[
            Consensus(criterion=c, stage=stage, value=v, by="Ann", time=T0) for c, v in (consensus or {}).items()
        ],
        **extra,
    )


def submitted(session: Session, *names: str) -> Session:
    """The session with these panellists (default: everyone who scored) submitted at shortlisting."""
    names = names or tuple(sorted({s.panellist for s in session.scores}))
    done = [Submission(panellist=n, stage="shortlisting", time=T0) for n in names]
    return session.model_copy(update={"submissions": done})


# conflicts


def test_a_declared_conflict_blocks_scoring_and_no_conflict_does_not() -> None:
    conflicted = make(conflicts=[Conflict(panellist="Bo", conflicted=True, reason="former colleague", time=T0)])
    blocked = fairness.scoring_blocked(conflicted, "Bo") or ""
    assert "declared a conflict" in blocked and "former colleague" not in blocked  # the reason may identify them
    assert fairness.scoring_blocked(conflicted, "Ann") is None
    cleared = make(
        conflicts=[
            Conflict(panellist="Bo", conflicted=True, reason="typo", time=T0),
            Conflict(panellist="Bo", conflicted=False, time=T0 + timedelta(minutes=1)),
        ]
    )
    assert fairness.scoring_blocked(cleared, "Bo") is None


def test_a_panel_that_requires_declarations_blocks_until_declared() -> None:
    panel = Panel(panellists=["Ann", "Bo"], chair="Ann", require_declarations=True)
    session = make(panel=panel)
    assert "must declare" in (fairness.scoring_blocked(session, "Bo") or "")
    declared = make(panel=panel, conflicts=[Conflict(panellist="Bo", conflicted=False, time=T0)])
    assert fairness.scoring_blocked(declared, "Bo") is None


# Guaranteed Interview Scheme


def test_gis_minimum_needs_every_essential_criterion_met_at_shortlisting() -> None:
    meets = make(consensus={"E1": 3, "E2": 3, "D1": 0}, gis=True)
    result = fairness.gis_minimum(meets)
    assert result.meets_minimum and result.must_interview and result.short == []
    short = make(consensus={"E1": 3, "E2": 2}, gis=True)
    assert fairness.gis_minimum(short).short == ["E2"] and not fairness.gis_minimum(short).must_interview
    assert not fairness.gis_minimum(make(consensus={"E1": 5, "E2": 5})).must_interview  # not flagged


def test_gis_minimum_before_any_consensus_is_not_yet_known() -> None:
    scored = make(scores={"E1": {"Ann": 4}, "E2": {"Ann": 4}}, gis=True)
    assert fairness.gis_minimum(scored).status == "no consensus yet"
    assert fairness.gis_label(scored) == "flagged: no consensus yet"
    part = make(consensus={"E1": 4}, gis=True)  # E2 still to agree
    assert fairness.gis_minimum(part).status == "no consensus yet"
    failed = make(consensus={"E1": 1}, gis=True)  # one essential already below met: known
    assert fairness.gis_label(failed) == "flagged: below minimum"
    assert fairness.gis_label(make(consensus={"E1": 3, "E2": 3}, gis=True)) == "must interview"


@given(st.dictionaries(st.sampled_from(["E1", "E2", "D1"]), st.integers(0, 5)))
def test_gis_minimum_is_exactly_every_essential_at_met(agreed: dict[str, int]) -> None:
    result = fairness.gis_minimum(make(consensus=agreed, gis=True))
    expected = all(agreed.get(c, -1) >= SCALE.met for c in ("E1", "E2"))
    assert result.meets_minimum == expected == result.must_interview


# reserve list


def test_reserve_expiry_defaults_to_twelve_months_and_refuses_more() -> None:
    assert fairness.reserve_expiry(date(2026, 3, 15)) == date(2027, 3, 15)
    assert fairness.reserve_expiry(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert fairness.reserve_expiry(date(2024, 2, 29)) == date(2025, 2, 28)
    for bad in (0, 13, -1, True):
        with pytest.raises(ValueError, match="months"):
            fairness.reserve_expiry(date(2026, 1, 1), bad)
    assert not fairness.reserve_expired(date(2027, 3, 15), date(2027, 3, 15))
    assert fairness.reserve_expired(date(2027, 3, 15), date(2027, 3, 16))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 12))
def test_reserve_expiry_is_within_twelve_months(start: date, months: int) -> None:
    expires = fairness.reserve_expiry(start, months)
    assert start < expires <= start + timedelta(days=366)
    assert (expires.year - start.year) * 12 + expires.month - start.month == months


def test_offer_order_is_merit_order_of_reserves_who_pass_the_gate() -> None:
    def reserve(sid: str, values: dict[str, int], recommendation: str = "reserve") -> Session:
        decision = Decision(stage="shortlisting", recommendation=recommendation, reason="r", by="Ann", time=T0)
        return make(sid, consensus=values, decisions=[decision])

    low = reserve("low", {"E1": 3, "E2": 3, "D1": 1})
    high = reserve("high", {"E1": 5, "E2": 4, "D1": 3})
    appointed = reserve("top", {"E1": 5, "E2": 5, "D1": 5}, "appointable")
    failed = reserve("fail", {"E1": 1, "E2": 5, "D1": 5})
    order = fairness.offer_order([low, failed, appointed, high], "shortlisting")
    assert [s.id for s in order] == ["high", "low"]


# review guide bands


@pytest.mark.parametrize(
    ("scale_id", "weak", "acceptable", "strong"),
    [
        ("civil-service-1-7", [1, 2, 3], [4, 5], [6, 7]),
        ("council-0-5", [0, 1, 2], [3], [4, 5]),
        ("nhs-shortlisting-0-3", [0, 1], [2], [3]),
        ("scale-1-5", [1, 2], [3], [4, 5]),
    ],
)
def test_guide_bands_follow_the_scales_met_level(scale_id, weak, acceptable, strong) -> None:
    scale = roles.get_scale(scale_id)
    bands = {v: fairness.guide_band(scale, v) for v in (level.value for level in scale.levels)}
    assert [v for v, b in bands.items() if b == "weak"] == weak
    assert [v for v, b in bands.items() if b == "acceptable"] == acceptable
    assert [v for v, b in bands.items() if b == "strong"] == strong


# calibration and disagreement


def test_calibration_shows_who_marks_hard_or_soft() -> None:
    a = submitted(make("a", {"E1": {"Ann": 4, "Bo": 2, "Cy": 3}, "E2": {"Ann": 5, "Bo": 3, "Cy": 4}}))
    b = submitted(make("b", {"E1": {"Ann": 3, "Bo": 1, "Cy": 2}, "E2": {"Ann": None, "Bo": 2, "Cy": 3}}))
    result = fairness.calibration([a, b], "shortlisting", "Cy")
    by = {p.panellist: p for p in result.panellists}
    assert by["Ann"].count == 3 and by["Bo"].count == 4
    assert by["Ann"].offset > 0 > by["Bo"].offset
    assert by["Ann"].mean == pytest.approx(4.0)
    assert result.mean == pytest.approx(sum([4, 2, 3, 5, 3, 4, 3, 1, 2, 2, 3]) / 11)
    assert fairness.calibration([], "shortlisting", "Cy") == fairness.Calibration([], None, None)


def test_calibration_shows_a_viewer_only_what_they_may_compare() -> None:
    """Each sees only their own scores until they submit: nothing before the viewer submits; afterwards
    only the candidates they submitted, and only colleagues who submitted there."""
    rows = {"E1": {"Ann": 4, "Bo": 2, "Cy": 0}, "E2": {"Ann": 5, "Bo": 1, "Cy": 0}}
    a, b = submitted(make("a", rows), "Ann", "Bo"), submitted(make("b", rows), "Ann")
    sessions = [a, b]
    hidden = fairness.calibration(sessions, "shortlisting", "Cy")
    assert hidden.panellists == [] and hidden.mean is None and (hidden.candidates, hidden.total) == (0, 2)
    assert fairness.disagreement(sessions, "shortlisting", "Cy") == []
    bo = fairness.calibration(sessions, "shortlisting", "Bo")
    assert bo.candidates == 1 and {p.panellist: p.count for p in bo.panellists} == {"Ann": 2, "Bo": 2}
    ann = fairness.calibration(sessions, "shortlisting", "Ann")  # b: Bo has not submitted there
    assert {p.panellist: p.count for p in ann.panellists} == {"Ann": 4, "Bo": 2} and ann.candidates == 2
    assert [d.candidates for d in fairness.disagreement(sessions, "shortlisting", "Ann")] == [1, 1]


@given(
    st.lists(
        st.dictionaries(st.sampled_from(["Ann", "Bo", "Cy"]), st.integers(0, 5), min_size=1), min_size=1, max_size=6
    ),
    st.integers(-2, 2),
)
def test_calibration_offsets_shift_with_a_panellist(rows: list[dict[str, int]], shift: int) -> None:
    everyone = ("Ann", "Bo", "Cy")
    sessions = [submitted(make(f"s{i}", {"E1": row}), *everyone) for i, row in enumerate(rows)]
    shifted = [
        submitted(make(f"s{i}", {"E1": {p: v + (shift if p == "Ann" else 0) for p, v in row.items()}}), *everyone)
        for i, row in enumerate(rows)
    ]
    before = {p.panellist: p for p in fairness.calibration(sessions, "shortlisting", "Ann").panellists}
    after = {p.panellist: p for p in fairness.calibration(shifted, "shortlisting", "Ann").panellists}
    if "Ann" in before:
        assert after["Ann"].mean == pytest.approx(before["Ann"].mean + shift)
        assert after["Ann"].spread == pytest.approx(before["Ann"].spread)
    assert sum(p.count for p in before.values()) == sum(len(r) for r in rows)


def test_disagreement_puts_the_widest_spreads_first() -> None:
    a = submitted(make("a", {"E1": {"Ann": 0, "Bo": 5}, "E2": {"Ann": 3, "Bo": 3}, "D1": {"Ann": 2, "Bo": 4}}))
    b = submitted(make("b", {"E1": {"Ann": 2, "Bo": 3}, "E2": {"Ann": 3, "Bo": 4}, "D1": {"Ann": 1}}))
    rows = fairness.disagreement([a, b], "shortlisting", "Ann")
    assert [r.criterion for r in rows] == ["E1", "D1", "E2"]
    assert rows[0].mean_spread == 3.0 and rows[0].max_spread == 5 and rows[0].candidates == 2
    assert rows[1].candidates == 1  # a single score is not a disagreement
    assert len(fairness.disagreement([a, b], "shortlisting", "Ann", limit=1)) == 1


def test_cohort_gives_average_and_best_of_consensus_only() -> None:
    sessions = [make("a", consensus={"E1": 2, "E2": None}), make("b", consensus={"E1": 4}), make("c")]
    figures = fairness.cohort(sessions, "shortlisting")
    assert figures["E1"] == fairness.CohortFigure(count=2, average=3.0, best=4)
    assert "E2" not in figures


def test_gis_label_for_the_merit_view() -> None:
    assert fairness.gis_label(make(consensus={"E1": 5, "E2": 5})) == ""
    assert fairness.gis_label(make(consensus={"E1": 3, "E2": 3}, gis=True)) == "must interview"
    assert fairness.gis_label(make(consensus={"E1": 3, "E2": 2}, gis=True)) == "flagged: below minimum"


def test_a_plan_needs_questions_and_every_band_of_the_guide() -> None:
    from selfassess.campaign_models import PlanItem, ReviewGuide

    full = ReviewGuide(strong="own actions, a result", acceptable="one example", weak="the team only")
    assert fairness.plan_complete(PlanItem(criterion="E1", stage="interview", questions=["Tell us"], guide=full))
    assert not fairness.plan_complete(PlanItem(criterion="E1", stage="interview", questions=["Tell us"]))
    assert not fairness.plan_complete(PlanItem(criterion="E1", stage="interview", questions=[], guide=full))
    partial = full.model_copy(update={"acceptable": "  "})
    assert not fairness.plan_complete(PlanItem(criterion="E1", stage="interview", questions=["Tell us"], guide=partial))
    assert not fairness.plan_complete(None)
