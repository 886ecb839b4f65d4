"""Forms of the pipeline pages, one module per entity: deals, activity, bulk, prospects, config."""
