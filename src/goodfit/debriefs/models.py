"""Debriefs and referrals: rows."""
