"""Full screens: home, candidate drafting, import review, panel scoring, moderation, decision, merit, help."""
