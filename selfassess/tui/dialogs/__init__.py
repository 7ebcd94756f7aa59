"""Modal dialogs: prompts, confirmations, rating, evidence bank, panel set-up, export."""
