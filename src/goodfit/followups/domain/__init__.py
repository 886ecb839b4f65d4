"""The followups rules in plain Python: no Django, no database, checked by mypy strict."""
