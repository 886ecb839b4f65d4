"""API shapes of the pipeline, one module per entity; the shared bases are in ``core.schemas``."""
