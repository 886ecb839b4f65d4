"""The pipeline rules in plain Python: no Django, no database, checked by mypy strict."""
