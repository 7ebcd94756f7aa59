"""The `selfassess` command line: one parser, one error policy (bad input -> one line, exit 2)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from rich.console import Console

from ..errors import BadInput
from ..safetext import one_line
from . import export_cmd, extract_cmd, fair_cmd, recycle_cmd, roles_cmd, sessions_cmd

EXIT_BAD_INPUT = 2


class Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors are one line on stderr and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see --help)\n")


def _common(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before or after the command."""
    default = argparse.SUPPRESS if suppress else None
    parent = Parser(add_help=False)
    parent.add_argument("--sessions", metavar="DIR", default=default, help="session folder (else $SELFASSESS_SESSIONS)")
    parent.add_argument(
        "--roles", metavar="DIR", default=default, help="imported-roles folder (else $SELFASSESS_ROLES)"
    )
    return parent


def build_parser() -> Parser:
    """The full command-line parser."""
    parser = Parser(
        prog="selfassess",
        description="Evidence against a person specification, for candidates and panels. "
        "With no command, opens the app.",
        parents=[_common(False)],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    common = _common(True)
    roles_cmd.register(commands, common)
    sessions_cmd.register(commands, common)
    extract_cmd.register(commands, common)
    export_cmd.register(commands, common)
    fair_cmd.register(commands, common)
    recycle_cmd.register(commands, common)
    return parser


def _roles_folder_ok(named: str | None) -> None:
    """A roles folder that is a file is refused (one that does not exist yet is simply empty)."""
    from .. import paths

    folder = paths.imported_roles_dir(named)
    if folder.exists() and not folder.is_dir():
        raise BadInput(f"{folder}: not a folder (the imported-roles folder, from --roles or $SELFASSESS_ROLES)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed as one line
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    for stream in (sys.stdout, sys.stderr):  # a non-UTF-8 terminal or a lone surrogate never crashes a print
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    out = Console(highlight=False, soft_wrap=False)
    try:
        _roles_folder_ok(getattr(args, "roles", None))
        if args.command is None:
            from ..tui.app import make_app

            folder = sessions_cmd.sessions_folder(args, create=True)  # a file named as the folder: refused now
            from ..tui import input_decoding, paste_filter

            paste_filter.install()  # a paste holding escape characters arrives whole and in order
            input_decoding.install()  # a byte that is not UTF-8 is read as U+FFFD, not a crash
            make_app(sessions_dir=folder, roles_dir=args.roles).run()
            return 0
        return args.handler(args, out) or 0
    except BadInput as exc:
        for line in exc.problems:
            print(one_line(line), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a read-only folder, a full disk: the file and the reason, one line
        print(one_line(f"{exc.filename or 'selfassess'}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except RecursionError:
        print("selfassess: input nested too deeply; refused", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        if os.environ.get("SELFASSESS_DEBUG"):
            raise
        message = f"selfassess: internal error: {type(exc).__name__}: {exc} (set SELFASSESS_DEBUG=1 for details)"
        print(one_line(message), file=sys.stderr)
        return 1
