"""Entry point: `selfassess` (or `python -m selfassess`)."""

from selfassess.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
