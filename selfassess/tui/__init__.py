"""The Textual user interface. Calls the pure modules; holds no domain logic of its own."""
