"""Reads of the pipeline, one module per entity: deals, prospects, margins."""
