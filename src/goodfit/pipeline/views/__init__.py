"""HTML views of the pipeline: the board, the deal list, the deal page and its forms."""
