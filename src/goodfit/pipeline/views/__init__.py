"""HTML views of the pipeline: the board, deals and their page, prospects, and the offering
and stage settings."""
