"""goodfit: the honest, fit-first sales pipeline."""

__version__ = "0.1.0"
