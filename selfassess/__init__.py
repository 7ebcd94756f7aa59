"""selfassess: evidence against a person specification, for candidates and interview panels."""

__version__ = "0.1.0"
