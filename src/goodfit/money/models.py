"""Good money: rows."""
