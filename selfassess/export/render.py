"""One entry point for every export of one session: statement or summary, in any format."""

from __future__ import annotations

from collections.abc import Callable

from .formats import FORMATS as FORMATS  # named here too: callers ask the renderer for its formats


def render(
    session, what: str, fmt: str, anonymise: bool, audit, stage: str | None = None, campaign=None
) -> bytes | str:
    """One export of a session, as text or bytes; ``campaign`` (the role's) adds its question plan to a summary."""
    from . import csvfile, jsonfile, markdown, text, word
    from .summary_common import anonymise as strip_identity
    from .summary_common import anonymise_audit, summary

    if what == "summary" and session.blind:
        anonymise = True  # a blind panel's summary never names the candidate until the chair unblinds
    if anonymise:
        audit = anonymise_audit(session, audit)
        session = strip_identity(session)
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
    data = summary(session, stage, campaign)
    summary_renderers: dict[str, Callable[..., bytes | str]] = {
        "txt": text.summary_text,
        "md": markdown.summary_markdown,
        "docx": word.summary_docx,
        "csv": csvfile.summary_csv,
    }
    return summary_renderers[fmt](data)
