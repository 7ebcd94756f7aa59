"""One entry point for every export of one session: statement or summary, in any format."""

from __future__ import annotations

from collections.abc import Callable

from .formats import FORMATS as FORMATS  # named here too: callers ask the renderer for its formats


def render(
    session,
    what: str,
    fmt: str,
    anonymise: bool,
    audit,
    stage: str | None = None,
    campaign=None,
    login: str | None = None,
    subject_access: bool = False,
) -> bytes | str:
    """One export of a session, as text or bytes; ``campaign`` (the role's) adds its question plan to a summary.

    ``login`` (the terminal's OS login; None: the candidate's own copy) limits it to what that login may
    export (export_access: BadInput when nothing). A blind panel's candidate is named by reference only in
    every export until the chair unblinds, except a ``subject_access`` copy (the chair's, on a bound panel).
    """
    from ..export_access import reader, reader_view, withheld_line
    from . import csvfile, jsonfile, markdown, text, word
    from .summary_common import anonymise as strip_identity
    from .summary_common import anonymise_audit, stage_of, summary

    who = None
    if login is not None:
        who = reader(session, login, "sar" if subject_access else "json" if fmt == "json" else what)
        session = reader_view(session, who)
    if session.blind and not subject_access:
        anonymise = True  # no export names a blind panel's candidate until the chair unblinds
    if anonymise:
        audit = anonymise_audit(session, audit, any_case=True)
        session = strip_identity(session, any_case=True)
    if fmt == "json":
        return jsonfile.session_json(session, audit)
    if what == "statement":
        statement_renderers: dict[str, Callable[..., bytes | str]] = {
            "txt": text.statement_text,
            "md": markdown.statement_markdown,
            "docx": word.statement_docx,
            "csv": lambda s, anonymise=False: csvfile.statement_csv(s),
        }
        return statement_renderers[fmt](session, anonymise=anonymise)
    data = summary(session, stage, campaign, audit)
    if who is not None:
        data.reader = withheld_line(session, who, stage or stage_of(session))
    summary_renderers: dict[str, Callable[..., bytes | str]] = {
        "txt": text.summary_text,
        "md": markdown.summary_markdown,
        "docx": word.summary_docx,
        "csv": csvfile.summary_csv,
    }
    return summary_renderers[fmt](data)
