"""`python -m goodfit …` does what the `goodfit` command does."""

import sys

from goodfit.cli import main

if __name__ == "__main__":
    sys.exit(main())
