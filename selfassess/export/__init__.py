"""Exports: pure functions from models to text or bytes, one module per format, and a safe file writer."""
