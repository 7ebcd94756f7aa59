"""British spelling offline: British accepted, American flagged with the British form, typos suggested."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import prefs
from selfassess.readability import long_sentences, reading_ease, sentences
from selfassess.spelling import check_spelling, shared, suggest
from selfassess.spelling.dictionary import DATA_DIR, parse_aff

BRITISH = [
    "organise",
    "organised",
    "organisation",
    "organisational",
    "realise",
    "recognise",
    "analyse",
    "analysed",
    "paralyse",
    "behaviour",
    "colour",
    "favourite",
    "neighbour",
    "honour",
    "labour",
    "centre",
    "theatre",
    "metre",
    "fibre",
    "travelled",
    "cancelled",
    "modelling",
    "labelled",
    "defence",
    "offence",
    "licence",
    "catalogue",
    "dialogue",
    "programme",
    "grey",
    "aluminium",
    "jewellery",
    "mould",
    "plough",
    "tyre",
    "sceptical",
    "fulfil",
    "enrol",
    "skilful",
    "judgement",
    "ageing",
    "practise",
    "apologise",
    "prioritise",
    "minimise",
    "emphasise",
    "summarise",
    "specialise",
    "utilise",
    "counselling",
]

AMERICAN = {
    "organize": "organise",
    "organization": "organisation",
    "realize": "realise",
    "recognized": "recognised",
    "analyze": "analyse",
    "behavior": "behaviour",
    "color": "colour",
    "favorite": "favourite",
    "neighbor": "neighbour",
    "center": "centre",
    "theater": "theatre",
    "traveled": "travelled",
    "canceled": "cancelled",
    "modeling": "modelling",
    "defense": "defence",
    "catalog": "catalogue",
    "gray": "grey",
    "prioritize": "prioritise",
    "fulfill": "fulfil",
    "skillful": "skilful",
}

TYPOS = {
    "recieve": "receive",
    "definately": "definitely",
    "seperate": "separate",
    "occured": "occurred",
    "accomodate": "accommodate",
    "untill": "until",
    "acheive": "achieve",
    "beleive": "believe",
    "goverment": "government",
    "enviroment": "environment",
    "managment": "management",
    "comittee": "committee",
    "succesful": "successful",
    "begining": "beginning",
    "neccessary": "necessary",
    "independant": "independent",
    "reccomend": "recommend",
    "collegue": "colleague",
    "wich": "which",
    "refered": "referred",
}


@pytest.fixture(scope="module")
def words():
    return shared()


def test_british_spellings_are_accepted(words) -> None:
    assert len(BRITISH) >= 30
    text = " ".join(BRITISH)
    assert check_spelling(text, words) == []
    assert check_spelling(text.capitalize(), words) == []


def test_american_spellings_are_flagged_with_the_british_form(words) -> None:
    assert len(AMERICAN) >= 15
    for american, british in AMERICAN.items():
        issues = check_spelling(f"I {american} it.", words)
        assert [(i.word, i.kind, i.british) for i in issues] == [(american, "american", british)], american
    assert check_spelling("Organize", words)[0].british == "Organise"


def test_typos_are_flagged_and_most_first_suggestions_are_right(words) -> None:
    right = 0
    for typo, correct in TYPOS.items():
        issues = check_spelling(f"We {typo} it", words)
        assert [(i.word, i.kind) for i in issues] == [(typo, "misspelt")], typo
        right += suggest(typo, words)[:1] == [correct]
    assert right >= 0.8 * len(TYPOS)
    assert suggest("Recieve", words)[0] == "Receive"


def test_positions_acronyms_possessives_hyphens_and_personal_words(words, tmp_path: Path) -> None:
    text = "The NHS team's post-qualifying work with Wixcombe colleagues’ plans: I recieve."
    issues = check_spelling(text, words)
    assert [(i.word, text[i.start : i.end]) for i in issues] == [("Wixcombe", "Wixcombe"), ("recieve", "recieve")]
    prefs.add_personal_word(tmp_path, "Wixcombe")
    assert [i.word for i in check_spelling(text, words, prefs.personal_words(tmp_path))] == ["recieve"]
    assert (prefs.prefs_path(tmp_path).stat().st_mode & 0o777) == 0o600


def test_the_dictionary_ships_with_its_licence() -> None:
    assert (DATA_DIR / "en_GB.dic").is_file() and (DATA_DIR / "en_GB.aff").is_file()
    assert "LGPL" in (DATA_DIR / "LICENCE.txt").read_text() and (DATA_DIR / "LICENCE-LGPL-2.1.txt").is_file()
    affixes = parse_aff((DATA_DIR / "en_GB.aff").read_text(encoding="utf-8-sig"))
    assert affixes.suffixes and affixes.rep


def test_long_sentences_and_reading_ease() -> None:
    long = "I " + " ".join(["worked"] * 35) + "."
    text = f"I led the team. {long} Then it ended well."
    assert [s.words for s in sentences(text)] == [4, 36, 4]
    assert [s.words for s in long_sentences(text)] == [36]
    plain = "I led the team. We met each week. I set the plan. It went well. " * 3
    hard = "Notwithstanding organisational considerations, interdepartmental collaboration necessitated " * 4
    assert reading_ease("Too short.") is None
    assert reading_ease(plain) > 60 > reading_ease(hard)
