"""Write the fixture corpus: invented person specifications in every layout the extractor reads, with gold.

Run `python -m tests.make_corpus` from the checkout to regenerate tests/fixtures/docs/corpus/. Each
document NAME.{txt,md,html,docx,pdf} has NAME.gold.json in the shared gold format. Binary formats
are made here (python-docx, a small PDF writer in tests/docgen.py); the text is this repository's own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .corpus_roles import ROLES, Role
from .docgen import make_docx, make_pdf, make_ruled_pdf

OUT = Path(__file__).parent / "fixtures" / "docs" / "corpus"
CODES = {"application": "A", "interview": "I", "test": "T", "presentation": "P", "document": "C", "reference": "R"}
WORDS = {
    "application": "Application form",
    "interview": "Interview",
    "test": "Test",
    "presentation": "Presentation",
    "document": "Certificates",
    "reference": "References",
}
KEY = "Key: A = application form, I = interview, T = test, P = presentation, C = certificates, R = references."
PREAMBLE = (
    "Notes for managers: list essential criteria first and desirable criteria after them. Essential criteria are "
    "the minimum a candidate needs; desirable criteria help to choose between candidates who meet every essential one."
)
Gold = list[dict]


def codes(methods: list[str], sep: str = ", ") -> str:
    return sep.join(CODES[m] for m in methods)


def words(methods: list[str]) -> str:
    names = [WORDS[m] for m in methods]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1].lower()


def gold(role: Role, methods: bool = True, category: bool = True) -> Gold:
    return [
        {"text": t, "kind": k, "category": c if category else None, "assessed_by": m if methods else []}
        for c, items in role["categories"]
        for t, k, m in items
    ]


def head(role: Role) -> list[str]:
    return [f"Job title: {role['title']}", role["organisation"], "", "Person specification", ""]


def tail() -> list[str]:
    return ["", "Working conditions", "Some weekend work is needed during the summer.", ""]


def _kind(k: str) -> str:
    return "Essential" if k == "essential" else "Desirable"


# --- text layouts ------------------------------------------------------------------------------------


def slash_word(role: Role) -> tuple[str, Gold]:
    lines = head(role)
    for cat, items in role["categories"]:
        lines.append(f"{cat} / Essential or Desirable / Assessed by")
        lines += [f"{t} / {_kind(k)} / {words(m)}" for t, k, m in items]
    return "\n".join(lines + tail()), gold(role)


def pipe_word(role: Role) -> tuple[str, Gold]:
    lines = [*head(role), "| Criteria | Essential/Desirable | How assessed |", "|---|---|---|"]
    for cat, items in role["categories"]:
        lines.append(f"| **{cat}** | | |")
        lines += [f"| {t} | {_kind(k)[0]} | {codes(m, '/')} |" for t, k, m in items]
    return "\n".join([*lines, "", KEY, *tail()]), gold(role)


def pipe_category_column(role: Role) -> tuple[str, Gold]:
    """'Category | Criteria | E/D | Method' rows, one per line, the category repeated in its own column."""
    lines = [*head(role), "Category | Criteria | E/D | Method"]
    for cat, items in role["categories"]:
        lines += [f"{cat} | {t} | {k[0].upper()} | {codes(m, '/')}" for t, k, m in items]
    return "\n".join([*lines, "", KEY, *tail()]), gold(role)


def markdown_category_table(role: Role) -> tuple[str, Gold]:
    """A Markdown table with a '|---|' rule and a category column left blank on a category's later rows."""
    lines = [*head(role), "| Area | Criteria | Essential / Desirable | Assessed by |", "|:-----|:---|:---:|---|"]
    for cat, items in role["categories"]:
        lines += [f"| {cat if i == 0 else ''} | {t} | {_kind(k)} | {words(m)} |" for i, (t, k, m) in enumerate(items)]
    return "\n".join(lines + tail()), gold(role)


def tab_word(role: Role) -> tuple[str, Gold]:
    lines = [*head(role), "Requirement\tEssential or desirable\tMethod of assessment"]
    for cat, items in role["categories"]:
        lines.append(cat)
        lines += [f"{t}\t{_kind(k)}\t{codes(m)}" for t, k, m in items]
    return "\n".join([*lines, "", KEY, *tail()]), gold(role)


def spaces_word(role: Role) -> tuple[str, Gold]:
    width = 62
    lines = [*head(role), f"{'Criteria':<{width}}  {'E/D':<5}  How assessed"]
    for cat, items in role["categories"]:
        lines += ["", cat]
        for t, k, m in items:
            first, rest = t, ""
            if len(t) > 48:  # wrap long criteria onto a second line, as a PDF copy does
                cut = t.rfind(" ", 0, 48)
                first, rest = t[:cut], t[cut + 1 :]
            lines.append(f"{first:<{width}}  {k[0].upper():<5}  {codes(m, '/')}")
            if rest:
                lines.append(rest)
    return "\n".join([*lines, "", KEY, *tail()]), gold(role)


def vertical_cells(role: Role) -> tuple[str, Gold]:
    """Factor | Essential | Desirable | How identified, each cell on its own line, empty cells as blank lines."""
    lines = [*head(role), "Factor", "Essential", "Desirable", "How identified"]
    for cat, items in role["categories"]:
        for index, (t, k, m) in enumerate(items):
            lines += [cat if index == 0 else "", t if k == "essential" else "", t if k == "desirable" else ""]
            lines.append(words(m))
    return "\n".join(lines + tail()), gold(role)


def vertical_spanning(role: Role) -> tuple[str, Gold]:
    """Cell per line as a browser copies a table whose factor cell spans its rows: later rows have no factor line."""
    lines = [*head(role), "Factor", "Essential", "Desirable", "How identified"]
    for cat, items in role["categories"]:
        for index, (t, k, m) in enumerate(items):
            lines += [cat] if index == 0 else []
            lines += [t if k == "essential" else "", t if k == "desirable" else "", words(m)]
    return "\n".join(lines + tail()), gold(role)


def vertical_spanning_no_method(role: Role) -> tuple[str, Gold]:
    """Factor / Essential / Desirable one cell per line, no method column, the spanning factor copied once."""
    lines = [*head(role), "Factor", "Essential", "Desirable"]
    for cat, items in role["categories"]:
        for index, (t, k, _) in enumerate(items):
            lines += [cat] if index == 0 else []
            lines += [t if k == "essential" else "", t if k == "desirable" else ""]
    return "\n".join(lines + tail()), gold(role, methods=False)


def x_runon(role: Role) -> tuple[str, Gold]:
    """X columns; line breaks inside a cell were lost, so a category's criteria run together on one line."""
    lines = [*head(role), "Area\tCriteria\tEssential\tDesirable\tAssessed by"]
    out = []
    for cat, items in role["categories"]:
        ordered = [i for i in items if i[1] == "essential"] + [i for i in items if i[1] == "desirable"]
        text = " ".join(t + "." for t, _, _ in ordered)
        e = " ".join("X" for i in ordered if i[1] == "essential")
        d = " ".join("X" for i in ordered if i[1] == "desirable")
        methods = sorted({x for i in ordered for x in i[2]}, key=list(CODES).index)
        lines.append(f"{cat}\t{text}\t{e}\t{d}\t{words(methods)}")
        out += [{"text": t + ".", "kind": k, "category": cat, "assessed_by": methods} for t, k, _ in ordered]
    return "\n".join(lines + tail()), out


def bullets_ed_bullets(role: Role) -> tuple[str, Gold]:
    lines = head(role)
    out = []
    for n, (cat, items) in enumerate(role["categories"]):
        lines.append(cat)
        if n == len(role["categories"]) - 1:  # the last category has no E/D label: all essential
            lines += [f"- {t}" for t, _, _ in items]
            out += [{"text": t, "kind": "essential", "category": cat, "assessed_by": []} for t, _, _ in items]
            continue
        for kind in ("essential", "desirable"):
            chosen = [i for i in items if i[1] == kind]
            if chosen:
                lines.append(f"- {_kind(kind)}")
                lines += [f"  - {t}" for t, _, _ in chosen]
                out += [{"text": t, "kind": kind, "category": cat, "assessed_by": []} for t, _, _ in chosen]
    return "\n".join(lines + tail()), out


def caps_subheadings(role: Role) -> tuple[str, Gold]:
    lines = head(role)
    out = []
    for cat, items in role["categories"]:
        lines += [cat, ""]
        for kind in ("essential", "desirable"):
            chosen = [i for i in items if i[1] == kind]
            if chosen:
                lines.append(kind.upper())
                lines += [f"• {t}" for t, _, _ in chosen]
                out += [{"text": t, "kind": kind, "category": cat, "assessed_by": []} for t, _, _ in chosen]
        lines.append("")
    return "\n".join(lines + tail()), out


def unless_marked(role: Role) -> tuple[str, Gold]:
    lines = [*head(role), "All criteria are essential unless marked (D) for desirable.", ""]
    for cat, items in role["categories"]:
        lines.append(f"{cat}:")
        lines += [f"* {t}{' (D)' if k == 'desirable' else ''}" for t, k, _ in items]
    return "\n".join(lines + tail()), gold(role, methods=False)


def inline_semicolons(role: Role) -> tuple[str, Gold]:
    lines = head(role)
    out = []
    for cat, items in role["categories"]:
        lines.append(cat)
        for kind in ("essential", "desirable"):
            chosen = [t for t, k, _ in items if k == kind]
            if chosen:
                lines.append(f"{_kind(kind)}: " + "; ".join(c[0].lower() + c[1:] for c in chosen) + ".")
                out += [
                    {"text": c[0].lower() + c[1:], "kind": kind, "category": cat, "assessed_by": []} for c in chosen
                ]
        lines.append("")
    return "\n".join(lines + tail()), out


PROCESS_NOTES = [
    "Criteria will be assessed at shortlisting from your application form and at interview.",
    "Alongside your salary of £31,500, the employer contributes £6,100 a year to your pension.",
    "This job description and person specification will be reviewed with the post holder each year.",
]


def process_notes_tail(role: Role) -> tuple[str, Gold]:
    """Bulleted criteria under ESSENTIAL / DESIRABLE, then sentences about the process, pay and the document."""
    lines = head(role)
    for kind in ("essential", "desirable"):
        lines += ["", kind.upper()]
        lines += [f"- {t}" for _, items in role["categories"] for t, k, _ in items if k == kind]
    order = [
        {"text": t, "kind": kind, "category": None, "assessed_by": []}
        for kind in ("essential", "desirable")
        for _, items in role["categories"]
        for t, k, _ in items
        if k == kind
    ]
    return "\n".join([*lines, "", *PROCESS_NOTES, *tail()]), order


def lead_ins(role: Role) -> tuple[str, Gold]:
    lines = [f"{role['title']} at {role['organisation']}", "", "About you", ""]
    everything = [i for _, items in role["categories"] for i in items]
    lines.append("You will have:")
    lines += [f"- {t}" for t, k, _ in everything if k == "essential"]
    lines += ["", "It would be an advantage to have:"]
    lines += [f"- {t}" for t, k, _ in everything if k == "desirable"]
    out = [{"text": t, "kind": k, "category": None, "assessed_by": []} for t, k, _ in everything if k == "essential"]
    out += [{"text": t, "kind": k, "category": None, "assessed_by": []} for t, k, _ in everything if k == "desirable"]
    return "\n".join([*lines, "", "How to apply", "Send your form to the address below.", ""]), out


def numbered_codes(role: Role) -> tuple[str, Gold]:
    lines = [*head(role), KEY, "", "No. / Criterion / Essential or Desirable / Method"]
    n = 0
    for cat, items in role["categories"]:
        lines.append(cat)
        for t, k, m in items:
            n += 1
            sep = "." if n % 2 else ", "
            lines.append(f"{n} / {t} / {_kind(k)} / {codes(m, sep)}")
    return "\n".join(lines + tail()), gold(role)


def glued_category(role: Role) -> tuple[str, Gold]:
    """Each category glued to its first criterion; a bare E or D and the method after each criterion."""
    lines = [*head(role), KEY, "", "Criteria E/D Method"]
    for cat, items in role["categories"]:
        for index, (t, k, m) in enumerate(items):
            prefix = f"{cat} " if index == 0 else ""
            lines.append(f"{prefix}{t} {k[0].upper()} {codes(m, '/')}")
    return "\n".join(lines + tail()), gold(role)


def preamble_distractors(role: Role) -> tuple[str, Gold]:
    lines = [*head(role), PREAMBLE, "", "Criteria\tEssential\tDesirable\tHow assessed"]
    for cat, items in role["categories"]:
        lines.append(cat)
        for t, k, m in items:
            e, d = ("X", "") if k == "essential" else ("", "X")
            lines.append(f"{t}\t{e}\t{d}\t{codes(m, '/')}")
    lines.append("Please note: criteria marked X in both columns do not occur in this post.\t\t\t")
    return "\n".join([*lines, "", KEY, *tail()]), gold(role)


def numbered_bare(role: Role) -> tuple[str, Gold]:
    """Numbered rows with an E/D letter and codes, cells split by ' / ', and no header row at all."""
    lines = [*head(role), KEY, ""]
    for n, (t, k, m) in enumerate((i for _, items in role["categories"] for i in items), 1):
        lines.append(f"{n} / {t} / {k[0].upper()} / {codes(m)}")
    return "\n".join(lines + tail()), gold(role, category=False)


def numbered_spaces(role: Role) -> tuple[str, Gold]:
    """'3. text   D   A, I': numbered criteria, runs of spaces between cells, no header, key at the end."""
    lines = head(role)
    for n, (t, k, m) in enumerate((i for _, items in role["categories"] for i in items), 1):
        lines.append(f"{n}. {t}   {k[0].upper()}   {codes(m)}")
    return "\n".join([*lines, "", KEY, *tail()]), gold(role, category=False)


def pipe_category_headers(role: Role) -> tuple[str, Gold]:
    """'Experience | Essential or Desirable | Assessed by' repeated per category: its first cell is the category."""
    lines = head(role)
    for cat, items in role["categories"]:
        lines.append(f"{cat} | Essential or Desirable | Assessed by")
        lines += [f"{t} | {_kind(k)} | {words(m)}" for t, k, m in items]
        lines.append("")
    return "\n".join(lines + tail()), gold(role)


PHRASES = ("would be useful", "would be an advantage", "is preferred", "would be beneficial")


def desirable_phrases(role: Role) -> tuple[str, Gold]:
    """No E/D labels: desirable criteria say so in their own words ('... would be useful', 'Ideally, ...')."""
    lines = [*head(role), "All criteria are essential unless stated otherwise.", ""]
    out = []
    n = 0
    for cat, items in role["categories"]:
        lines.append(cat)
        for t, k, _ in items:
            text = t
            if k == "desirable":
                n += 1
                text = f"Ideally, {t[0].lower()}{t[1:]}" if n % 5 == 0 else f"{t} {PHRASES[n % len(PHRASES)]}"
            lines.append(f"- {text}")
            out.append({"text": text, "kind": k, "category": cat, "assessed_by": []})
        lines.append("")
    return "\n".join(lines + tail()), out


def contact_tail(role: Role) -> tuple[str, Gold]:
    """ESSENTIAL / DESIRABLE lists, then a further-information and contact section that is not criteria."""
    lines = head(role)
    everything = [i for _, items in role["categories"] for i in items]
    out = []
    for kind in ("essential", "desirable"):
        lines.append(f"{_kind(kind).upper()} CRITERIA")
        lines += [f"• {t}" for t, k, _ in everything if k == kind]
        out += [{"text": t, "kind": k, "category": None, "assessed_by": []} for t, k, _ in everything if k == kind]
        lines.append("")
    lines += [
        "Further information",
        "For an informal discussion about the post please contact the team manager.",
        "Telephone: 01632 960 321",
        "Email: recruitment@example.org",
        "Closing date: Friday 14 March",
    ]
    return "\n".join(lines), out


def prose_sentences(role: Role) -> tuple[str, Gold]:
    """No list or table: what the person needs is said in sentences of a paragraph, duties before them."""
    everything = [i for _, items in role["categories"] for i in items]
    said, out = [], []
    for n, (t, k, _) in enumerate(everything):
        if k == "essential":
            text = f"{t} is required." if n % 2 else f"{t} is essential."
        else:
            text = f"{t} would also be an advantage."
        said.append(text)
        out.append({"text": text, "kind": k, "category": None, "assessed_by": []})
    lines = [
        f"Job title: {role['title']}",
        role["organisation"],
        "",
        "Keep the service running smoothly and support colleagues across the team.",
        " ".join(said),
        "",
        "You must submit your application form by the closing date.",
    ]
    return "\n".join(lines), out


# --- web page, Word, PDF -------------------------------------------------------------------------


def html_table(role: Role) -> tuple[str, Gold]:
    rows = []
    for cat, items in role["categories"]:
        rows.append(f'<tr><th colspan="3">{cat}</th></tr>')
        rows += [f"<tr><td>{t}</td><td>{_kind(k)}</td><td>{words(m)}</td></tr>" for t, k, m in items]
    page = (
        "<!DOCTYPE html><html><head><title>Jobs | Vacancies</title><style>td{padding:2px}</style></head><body>"
        "<nav><ul><li>Home</li><li>Jobs</li><li>Contact us</li></ul></nav>"
        f"<main><h1>{role['title']}</h1><p>{role['organisation']}</p><h2>Person specification</h2>"
        "<table><thead><tr><th>Criteria</th><th>Essential or desirable</th><th>How assessed</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table><h2>How to apply</h2><p>Apply online.</p></main>"
        "<footer><p>Cookies help us improve this site.</p></footer><script>var x = 1;</script></body></html>"
    )
    return page, gold(role)


def html_lists(role: Role) -> tuple[str, Gold]:
    parts = [f"<html><body><h1>{role['title']}</h1><p>{role['organisation']}</p><h2>Person specification</h2>"]
    out = []
    for cat, items in role["categories"]:
        parts.append(f"<h3>{cat}</h3>")
        for kind in ("essential", "desirable"):
            chosen = [t for t, k, _ in items if k == kind]
            if chosen:
                parts.append(f"<p><strong>{_kind(kind)}</strong></p><ul>")
                parts += [f"<li>{t}</li>" for t in chosen]
                parts.append("</ul>")
                out += [{"text": t, "kind": kind, "category": cat, "assessed_by": []} for t in chosen]
    parts.append("<h2>About the council</h2><p>We are a friendly employer.</p></body></html>")
    return "".join(parts), out


def docx_table(role: Role, path: Path) -> Gold:
    rows: list[list] = []
    for cat, items in role["categories"]:
        rows.append([cat, "", "", ""])
        rows += [
            [t, "X" if k == "essential" else "", "X" if k == "desirable" else "", codes(m, "/")] for t, k, m in items
        ]
    make_docx(
        path,
        role["title"],
        [role["organisation"], "# Main duties", "- Keep accurate records.", "# Person specification", KEY],
        ["Criteria", "Essential", "Desirable", "Method of assessment"],
        rows,
        ["# Appendix", "Our values: respect, openness and pride in our work."],
    )
    return gold(role)


def docx_bullets(role: Role, path: Path) -> Gold:
    intro = [role["organisation"], "# Person specification"]
    out = []
    for cat, items in role["categories"]:
        intro.append(f"# {cat}")
        for t, k, _ in items:
            intro.append(f"- {t} ({k[0].upper()})")
            out.append({"text": t, "kind": k, "category": cat, "assessed_by": []})
    make_docx(path, role["title"], intro, [], [], ["# Conditions of employment", "A six-month probation applies."])
    return out


def pdf_ruled(role: Role, path: Path) -> Gold:
    rows: list[list[str] | str] = []
    for cat, items in role["categories"]:
        rows.append(cat)
        rows += [
            [t, "X" if k == "essential" else "", "X" if k == "desirable" else "", codes(m, "/")] for t, k, m in items
        ]
    make_ruled_pdf(
        path,
        [f"Job title: {role['title']}", role["organisation"], "Person specification"],
        ["Criteria", "Essential", "Desirable", "Assessed by"],
        rows,
        [KEY, "Working conditions", "Some weekend work is needed."],
    )
    return gold(role)


def pdf_unruled(role: Role, path: Path) -> Gold:
    lines: list[str | list[str]] = [f"Job title: {role['title']}", role["organisation"], "Person specification"]
    lines.append(["Criteria", "Essential", "Desirable", "Assessed by"])
    for cat, items in role["categories"]:
        lines.append(cat)
        lines += [
            [t, "X" if k == "essential" else "", "X" if k == "desirable" else "", codes(m, "/")] for t, k, m in items
        ]
    lines += ["Working conditions", "Some weekend work is needed."]
    make_pdf(path, lines)
    return gold(role)


def pdf_bullets(role: Role, path: Path) -> Gold:
    lines: list[str | list[str]] = [f"Job title: {role['title']}", role["organisation"], "Person specification"]
    out = []
    for kind in ("essential", "desirable"):
        lines.append(f"{_kind(kind)} criteria")
        for _cat, items in role["categories"]:
            for t, k, m in items:
                if k == kind:
                    lines.append(f"- {t} ({codes(m)})")
                    out.append({"text": t, "kind": k, "category": None, "assessed_by": m})
    lines += ["Working conditions", "- Some weekend work is needed."]
    make_pdf(path, lines)
    return out


TEXT: list[tuple[str, str, Callable[[Role], tuple[str, Gold]], list[int]]] = [
    ("slash_word", "txt", slash_word, [0, 4]),
    ("pipe_word", "md", pipe_word, [1]),
    ("tab_word", "txt", tab_word, [2]),
    ("pipe_category_column", "txt", pipe_category_column, [5, 1]),
    ("markdown_category_table", "md", markdown_category_table, [3]),
    ("spaces_word", "txt", spaces_word, [3, 6]),
    ("vertical_cells", "txt", vertical_cells, [4, 7]),
    ("vertical_spanning", "txt", vertical_spanning, [1, 6]),
    ("vertical_spanning_no_method", "txt", vertical_spanning_no_method, [4]),
    ("x_runon", "txt", x_runon, [5]),
    ("bullets_ed_bullets", "txt", bullets_ed_bullets, [6]),
    ("caps_subheadings", "txt", caps_subheadings, [7, 2]),
    ("unless_marked", "md", unless_marked, [0]),
    ("inline_semicolons", "txt", inline_semicolons, [1, 5]),
    ("lead_ins", "txt", lead_ins, [2]),
    ("process_notes_tail", "txt", process_notes_tail, [0, 7]),
    ("numbered_codes", "txt", numbered_codes, [3]),
    ("glued_category", "txt", glued_category, [4]),
    ("preamble_distractors", "txt", preamble_distractors, [5]),
    ("numbered_bare", "txt", numbered_bare, [6]),
    ("numbered_spaces", "txt", numbered_spaces, [7]),
    ("pipe_category_headers", "txt", pipe_category_headers, [0]),
    ("desirable_phrases", "txt", desirable_phrases, [1, 4]),
    ("contact_tail", "txt", contact_tail, [2]),
    ("prose_sentences", "txt", prose_sentences, [3]),
    ("html_table", "html", html_table, [6, 1]),
    ("html_lists", "htm", html_lists, [7]),
]
BINARY: list[tuple[str, str, Callable[[Role, Path], Gold], list[int]]] = [
    ("docx_table", "docx", docx_table, [0, 3]),
    ("docx_bullets", "docx", docx_bullets, [1]),
    ("pdf_ruled", "pdf", pdf_ruled, [2, 5]),
    ("pdf_unruled", "pdf", pdf_unruled, [3]),
    ("pdf_bullets", "pdf", pdf_bullets, [4]),
]


def write_all(folder: Path = OUT) -> list[Path]:
    """Write every document and its gold into ``folder``; returns the documents written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, suffix, render, picks in TEXT:
        for pick in picks:
            role = ROLES[pick]
            text, criteria = render(role)
            path = folder / f"{name}_{pick}.{suffix}"
            path.write_text(text, encoding="utf-8")
            written.append(_gold(path, role, name, criteria))
    for name, suffix, make, picks in BINARY:
        for pick in picks:
            role = ROLES[pick]
            path = folder / f"{name}_{pick}.{suffix}"
            criteria = make(role, path)
            written.append(_gold(path, role, name, criteria))
    return written


def _gold(path: Path, role: Role, layout: str, criteria: Gold) -> Path:
    data = {
        "source": f"invented for tests ({layout})",
        "title": role["title"],
        "organisation": role["organisation"],
        "format": layout,
        "criteria": criteria,
        "notes": "",
    }
    gold_path = path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json")
    gold_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    for doc in write_all():
        print(doc.relative_to(Path.cwd()) if doc.is_relative_to(Path.cwd()) else doc)
