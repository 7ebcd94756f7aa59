"""Removing people's names from text as names: every part, as a whole word, in every spelling a person would
use, but never an ordinary word that a name part happens to equal ("a clear example" stays when another
candidate is called Dev Example; "we hope" stays for Max Hope).

The rule, where privacy and style conflict privacy wins:

- the whole name (its parts in order) goes in any case: "Max Hope", "max hope", "MAX HOPE";
- a part with an apostrophe or hyphen inside ("O'Neil", "Smith-Jones") is no ordinary word: any case;
- any other part of two letters or more goes only where it reads as a name: a whole word that does not
  begin with a lower-case letter ("Hope", "HOPE", "Hope's", the "Hope" of "Hope-Smith", a name in a
  script without case). So "we hope" and "a baker's dozen" stay, but "Hope" opening a sentence, a
  Title Case heading and all-caps text ("A CLEAR EXAMPLE") lose the word too: over-removal is accepted;
  a part typed all in lower case on its own ("morgan said") is not removed;
- the candidate's own name under ``--anonymise`` (``any_case``): a part goes in lower case too ("spoke to
  smythe"), unless it is an ordinary English word (in the shipped en_GB word list: "hope", "example"),
  where removing it would garble the sentence and the words around would still show what was removed;
- accents, apostrophe and hyphen variants compare as one (Zoë = Zoe = ZOË; O'Brien = O’Brien = OBrien);
  a name stored with markup or digits is split wherever it has anything but letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE = re.compile(r"(?<![\w@])@\w[\w.]*\w|(?<![\w@])@\w")  # @zoe_smythe, @z.smythe
INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*)+$")  # "B. ", "M.J. ", "B." just before a name
PHONE = re.compile(r"(?<!\w)(?:\+?\d[\d ()-]{8,}\d)(?!\w)")
APOSTROPHES = "'’‘ʼ`´"
HYPHENS = "-‐‑‒–—"
NOT_NAME = re.compile(r"(?:[^\w'-]|[\d_])+")  # what separates the parts of a (folded) name


def fold(text: str) -> str:
    """Lower case without accents (Zoë -> zoe), apostrophes and hyphens unified: how names are compared."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = re.sub(f"[{APOSTROPHES}]", "'", plain)
    return re.sub(f"[{HYPHENS}]", "-", plain).casefold()


def name_parts(name: str) -> list[str]:
    """The parts of a name, folded: split wherever it has anything but letters, apostrophes and hyphens
    (spaces, digits, markup such as "Alice [b]Arden[/]FC-001" stored as typed)."""
    return [p for p in (part.strip("'-") for part in NOT_NAME.split(fold(name))) if p]


def name_forms(name: str) -> list[str]:
    """The whole name, each part, each hyphenated piece and each part without its apostrophe, folded; a
    single letter only as the whole name (on its own it is an initial, not a name)."""
    parts = name_parts(name)
    whole = " ".join(parts)
    forms = {whole, *parts}
    for part in parts:
        for variant in (part, part.replace("'", "")):
            forms.add(variant)
            forms.update(piece for piece in variant.split("-") if piece)
        forms.update(piece for piece in re.split(r"['-]", part) if len(piece) > 1)
    return sorted((f for f in forms if f and (len(f) > 1 or f == whole)), key=len, reverse=True)


def redactor(name: str | None, any_case: bool = False) -> Callable[[str], str]:
    """A function that removes ``name`` (every form, as names: see the module's rule), its initials where
    they stand as a name, e-mail addresses and phone numbers, each replaced by "[candidate]". With
    ``any_case`` a part written in lower case goes too unless it is an ordinary word (``ordinary_word``)."""
    forms = name_forms(name or "")
    initials = "".join(p[0] for part in name_parts(name or "") for p in part.split("-") if p and p[0].isalpha())
    return _remover(forms, initials, "[candidate]", ordinary_word if any_case else None)


def ordinary_word(form: str) -> bool:
    """Whether a (folded) name part is also an ordinary English word, in the shipped en_GB word list
    (read once per process, only when a lower-case part is met)."""
    from ..spelling import shared

    return form in shared()


def others_redactor(names: list[str], keep: str | None = None) -> Callable[[str], str]:
    """A function that removes other people's ``names`` (every form, as names), e-mail addresses and phone
    numbers, each replaced by "[another candidate]"; a part shared with ``keep`` (the reader's own name)
    stays unless the whole other name is written. Initials are left alone: "IT" or "HR" are more often
    what they seem than another candidate's initials."""
    own = set(name_forms(keep or ""))
    forms = {form for name in names for form in name_forms(name) if form not in own or " " in form}
    return _remover(sorted(forms, key=len, reverse=True), "", "[another candidate]")


def _reads_as_name(form: str, found: str) -> bool:
    """Whether ``found`` (the text matched by ``form``) is a name, not an ordinary word (the module's rule)."""
    return not form.isalpha() or not found[:1].islower()


def _remover(
    forms: list[str], initials: str, label: str, ordinary: Callable[[str], bool] | None = None
) -> Callable[[str], str]:
    """Remove each of ``forms`` (folded, longest first) where it reads as a name (or, given ``ordinary``,
    in lower case where it is no ordinary word), upper-case ``initials`` (two or more) standing alone,
    handles holding a form, e-mail addresses and phone numbers."""
    parts = set(forms)
    words: dict[str, bool] = {}

    def name_here(form: str, found: str) -> bool:
        if _reads_as_name(form, found):
            return True
        if ordinary is None:
            return False
        if form not in words:
            words[form] = ordinary(form)
        return not words[form]

    def handle(match: re.Match[str]) -> str:
        pieces = re.split(r"[_.\d]+", fold(match.group(0)[1:]))
        return label if any(piece in parts for piece in pieces if piece) else match.group(0)

    def clean(text: str) -> str:
        text = unicodedata.normalize("NFC", text)  # a decomposed "Zoë" compared as the one it shows
        text = PHONE.sub("[phone]", EMAIL.sub("[email]", text))
        if not forms:
            return text
        text = HANDLE.sub(handle, text)
        folded = fold(text)
        if len(folded) != len(text):  # a character that changes length when folded: compare per character
            folded = "".join(fold(c)[:1] or c for c in text)
        spans = []
        for form in forms:
            pattern = re.escape(form).replace(r"\ ", r"\s+")
            # a hyphen is a word boundary: Smythe-Jones, Bo-Li, Li-Smith lose the candidate's part; an
            # apostrophe is one unless it follows a letter ('Hope' in quotes goes, O'Neil is no "Neil")
            for m in re.finditer(rf"(?<!\w)(?<!\w'){pattern}(?!\w)", folded):
                if name_here(form, text[m.start() : m.end()]):
                    spans.append(m.span())
        if len(initials) >= 2:
            dotted = r"\.?\s*".join(re.escape(c) for c in initials) + r"\.?"
            spans += [
                m.span()
                for m in re.finditer(rf"(?<![\w.]){dotted}(?![\w])", folded)
                if all(c.isupper() for c in text[m.start() : m.end()] if c.isalpha())
            ]
        out, last = [], 0
        for start, end in sorted(_widened(text, spans), key=lambda span: (span[0], -span[1])):
            if start < last:
                continue
            out += [text[last:start], label]
            last = end
        return "".join([*out, text[last:]])

    return clean


def _widened(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span of a name widened over initials standing just before it ("M.J. Smythe") and over combining
    marks just after it (an NFD "Zoë" is "Zoe" and a separate diaeresis)."""
    wide = []
    for start, end in spans:
        initials = INITIALS_BEFORE.search(text, 0, start)
        if initials is not None:
            start = initials.start()
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        wide.append((start, end))
    return wide
