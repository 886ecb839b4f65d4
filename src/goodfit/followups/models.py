"""Follow-ups: rows."""
