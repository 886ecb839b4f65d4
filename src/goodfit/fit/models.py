"""Discovery and fit: rows."""
