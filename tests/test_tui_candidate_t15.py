"""Issue 15's fresh-eyes findings on the candidate side, each as the tester met it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, Static

from selfassess.models import Criterion, StatementLimits
from selfassess.practice import questions_for
from selfassess.session_admin import set_limits, set_practice_note
from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.practice import PracticeScreen
from selfassess.tui.screens.statement_review import StatementReviewScreen

from .helpers import push, seed_role

ROLE = seed_role(3)


async def test_review_lists_every_problem_of_a_criterion_with_several() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        set_limits(app.store, session.id, StatementLimits(words_per_criterion=5))
        first, second = ROLE.criteria[0].id, ROLE.criteria[1].id
        app.store.set_evidence(session.id, first, "I wrote fifteen words here so that this answer runs over the limit.")
        app.store.set_evidence(session.id, second, "I rated this one low and it is over the limit too.", self_rating=1)
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, StatementReviewScreen)
        listed = app.screen.query_one("#review-gaps", OptionList)
        rows = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        mine = [row for row in rows if row.startswith(f"{first} ")]
        assert any("over the form's limit" in row for row in mine) and any("not self-rated" in row for row in mine)
        assert sum(row.startswith(f"{second} ") for row in rows) == 2
        listed.highlighted = rows.index(next(row for row in rows if row.startswith(f"{second} ")))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.criterion.id == second


def test_the_store_keeps_no_control_characters(tmp_path) -> None:
    from selfassess.store import SessionStore

    store = SessionStore(tmp_path / "s")
    session = store.create(ROLE, candidate="Alex Example", reference="C-7")
    cid = ROLE.criteria[0].id
    saved = store.set_evidence(session.id, cid, "I led\x07 the\x1b[31m review\x00\r\nof 40 cases\u202e.")
    assert saved.evidence[cid].text == "I led the[31m review\nof 40 cases."
    assert store.load(session.id).evidence[cid].text == saved.evidence[cid].text
    noted = set_practice_note(store, session.id, cid, "went\x1b well\x07")
    assert noted.practice[cid] == "went well"


async def test_a_paste_with_control_characters_is_clean_in_the_editor_and_saved() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CandidateScreen)
        app.post_message(events.Paste("I led\x07BELL the\x1b[31mRED review\x00 of cases."))
        await pilot.pause()
        assert screen.editor.text == "I ledBELL the[31mRED review of cases."
        screen.flush()
        await pilot.pause()
        screen._refresh_feedback()
        assert app.store.load(session.id).evidence[screen.criterion.id].text == screen.editor.text
        assert "unsaved" not in str(screen.query_one("#counts", Static).render())


async def test_the_practice_countdown_set_is_kept_for_the_next_practice() -> None:
    role = ROLE.model_copy(
        update={"criteria": [c.model_copy(update={"assessed_by": ["interview"]}) for c in ROLE.criteria]}
    )
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        session = app.store.create(role, candidate="Alex Example")
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f6", "f6", "f6", "f6", "escape")  # 3:00 less 2 minutes, then back
        await pilot.pause()
        assert isinstance(app.screen, CandidateScreen)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert str(app.screen.query_one("#practice-clock", Static).render()).startswith("1:00 of 1:00")


def test_questions_for_compound_criteria_read_as_questions() -> None:
    compound = Criterion(
        id="E2",
        kind="essential",
        text="Willingness to undertake post qualifying training in Social Work , Must be registered with "
        "Social Work England",
    )
    questions = questions_for(compound)
    assert questions[0].startswith("Why do you want to undertake post qualifying training in Social Work,")
    assert questions[1] == "Can you confirm this: must be registered with Social Work England? Have the details ready."
    assert not any(" ," in q or "a time that shows this" in q for q in questions)
    two = questions_for(
        Criterion(
            id="E3",
            kind="essential",
            text="Keeping up to date with policy. Using reflection to improve practice (i.e. supervision).",
        )
    )
    assert two == [
        "Tell us about a time that shows this: keeping up to date with policy; using reflection to improve practice "
        "(i.e. supervision). What was the situation, what did you do, and what was the result?"
    ]


async def test_the_answer_box_keeps_five_lines_at_80x24() -> None:
    long_text = " ".join(["Experience of planning and delivering post-qualifying training for partners."] * 4)
    role = ROLE.model_copy(
        update={
            "criteria": [c.model_copy(update={"text": long_text}) for c in ROLE.criteria],
            "guidance": "Address each criterion separately, giving examples from the last three years.",
        }
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.store.create(role, candidate="Alex Example")
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CandidateScreen)
        set_limits(app.store, session.id, StatementLimits(words_per_criterion=5))
        screen.session = app.store.load(session.id)
        sentence = "we organized the team and we analyzed the recieved referals with our partners and we " * 3
        screen.editor.insert(f"{sentence.strip()}. See above.")
        screen._refresh_feedback()
        await pilot.pause()
        assert screen.editor.content_region.height >= 5
        assert screen.query_one("#feedback").region.bottom <= 23  # the feedback stays above the footer


async def test_no_to_overwrite_asks_again_with_the_path_kept(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    target = tmp_path / "mine.txt"
    target.write_text("kept")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example")
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        app.screen.editor.insert("I led the review and as a result delays fell by 20%.")
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one("#copy-options", OptionList).highlighted = 2  # save this answer to a file
        await pilot.press("enter")
        await pilot.pause()
        assert "Save your answer for" in str(app.screen.query_one(".question", Static).render())
        app.screen.query_one("#prompt-input", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "Overwrite" in str(app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#prompt-input", Input).value == str(target)
        assert target.read_text() == "kept"


def test_key_terms_leave_out_joining_phrases_and_tick_only_when_all_are_there() -> None:
    from selfassess.statement import check_evidence, key_terms

    e6 = (
        "Up to date knowledge of key child care legislation, policies and practices central to the "
        "implementation of a professional social work service"
    )
    e4 = (
        "Have up-to-date knowledge of relevant legislation and guidance in relation to working with, and the "
        "protection of, children and young people"
    )
    for filler in ("date", "central", "key", "up-to-date", "relation", "young", "people"):
        assert filler not in key_terms(e6) + key_terms(e4)
    assert "young people" in key_terms(e4) and "child care" in key_terms(e6)
    e3 = Criterion(
        id="E3",
        kind="essential",
        text="Evidence of professional and personal development following achievement of professional "
        "qualification, at least 2 with children and families",
    )
    answer = "In 2019 we went to courses and we presented our post-qualifying learning on children and families."
    checks = {c.name: c for c in check_evidence(e3, answer, StatementLimits())}
    assert not checks["terms"].ok and "Missing: professional, development." in checks["terms"].message
    assert not checks["measure"].ok  # a year is not a measure
    tester = "Since qualifying in 2019 we completed post-qualifying training and we presented to managers."
    found = {c.name: c.ok for c in check_evidence(e3, tester, StatementLimits())}
    assert not found["result"] and not found["measure"]  # doing a course is not an outcome; a year not a number
    led = Criterion(id="E1", kind="essential", text="Experience of leading a team")
    assert next(c for c in check_evidence(led, "I led a team of 6.", StatementLimits()) if c.name == "terms").ok


def test_typed_limits_name_the_real_problem_and_refuse_the_absurd(tmp_path) -> None:
    import pytest

    from selfassess.errors import BadInput
    from selfassess.limit_presets import parse_custom
    from selfassess.store import SessionStore

    with pytest.raises(ValueError, match="above 0"):
        parse_custom("-5 words per criterion")
    with pytest.raises(ValueError, match="at most 40000 words per criterion"):
        parse_custom("99999999999 words per criterion")
    assert parse_custom("5,000 chars total, 250 words each") == StatementLimits(
        chars_total=5000, words_per_criterion=250
    )
    store = SessionStore(tmp_path / "s")
    session = store.create(ROLE, candidate="Alex Example")
    with pytest.raises(BadInput, match="at most"):
        set_limits(store, session.id, StatementLimits(words_per_criterion=99999999999))


def test_copy_for_the_form_drops_empty_star_labels() -> None:
    from selfassess.form_copy import answer_for_form

    typed = "Situation: a child missed school.\nTask: \n\nAction:\n\n\n\nResult: she went back.\nReflection:"
    assert answer_for_form(typed) == "Situation: a child missed school.\nResult: she went back."


async def test_copying_a_statement_over_the_forms_limit_warns() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example")
        set_limits(app.store, session.id, StatementLimits(chars_total=40))
        app.store.set_evidence(session.id, ROLE.criteria[0].id, "I led the review and delays fell by 20%. " * 5)
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one("#copy-options", OptionList).highlighted = 1  # the whole statement
        await pilot.press("enter")
        await pilot.pause()
        warned = [n for n in app._notifications if "over the form's limit" in n.message]
        assert warned and warned[0].severity == "warning" and "chars / 40" in warned[0].message


def test_deleted_folder_is_private_and_delete_restore_are_audited(tmp_path) -> None:
    from selfassess import recycle
    from selfassess.store import SessionStore

    store = SessionStore(tmp_path / "s")
    session = store.create(ROLE, candidate="Alex Example")
    store.set_evidence(session.id, ROLE.criteria[0].id, "I led the review.")
    recycle.delete_session(store.directory, session.id, store._lock(session.id))
    assert (store.directory / "deleted").stat().st_mode & 0o777 == 0o700
    recycle.restore_session(store.directory, session.id, store._lock(session.id))
    actions = [e.action for e in store.audit(session.id)]
    assert actions[-2:] == ["session.deleted", "session.restored"]


def test_export_onto_an_existing_file_names_force(tmp_path, capsys) -> None:
    from selfassess.cli import main
    from selfassess.store import SessionStore

    store = SessionStore(tmp_path / "s")
    session = store.create(ROLE, candidate="Alex Example")
    out = tmp_path / "statement.txt"
    out.write_text("kept")
    code = main(["export", session.id, "--sessions", str(store.directory), "--out", str(out)])
    assert code == 2 and "--force" in capsys.readouterr().err and out.read_text() == "kept"


def test_spelling_ageing_is_british_and_common_words_come_first() -> None:
    from selfassess.spelling import check_spelling, shared, suggest

    words = shared()
    assert [(i.kind, i.british) for i in check_spelling("Working with aging carers.", words)] == [
        ("american", "ageing")
    ]
    assert suggest("aging", words)[0] == "ageing"
    assert suggest("wich", words)[0] == "which"  # not the place name 'Wych'
    assert suggest("shoud", words)[0] == "should" and suggest("wen", words)[0] == "when"


def test_escapes_inside_a_bracketed_paste_are_dropped_in_order() -> None:
    from selfassess.tui.paste_filter import END, START, CleanPasteParser, PasteFilter

    pasted = "first part \x07BELL\x1b[31mRED\x1b[0m\x00NUL and the rest, 40 characters and more of it"
    raw = f"x{START}{pasted}{END}\x1b"  # a key, the paste, then the Escape key
    whole = PasteFilter()(raw)
    assert whole == f"x{START}first part \x07BELL[31mRED[0m\x00NUL and the rest, 40 characters and more of it{END}\x1b"
    pieces, filt = [], PasteFilter()
    for n in range(0, len(raw), 5):  # read in small pieces: markers split across reads
        pieces.append(filt(raw[n : n + 5]))
    assert "".join(pieces) == whole
    parser = CleanPasteParser()
    found = [e for chunk in (raw[:20], raw[20:]) for e in parser.feed(chunk)]
    pastes = [e for e in found if isinstance(e, events.Paste)]
    assert [p.text for p in pastes] == ["first part \x07BELL[31mRED[0mNUL and the rest, 40 characters and more of it"]
    keys = [e.key for e in found if isinstance(e, events.Key)]
    assert keys[0] == "x" and "circumflex_accent" not in keys
