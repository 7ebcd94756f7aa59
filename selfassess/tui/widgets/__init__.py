"""Widgets shared by several screens; each posts messages named as past events and holds no domain logic."""
