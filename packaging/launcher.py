"""What the standalone app runs: the ``cxworkshop`` command, as if installed with pip."""

import multiprocessing
import sys

from cxworkshop.cli import main

if __name__ == "__main__":
    # The phones' server runs in a child process: a frozen app starts it through itself.
    multiprocessing.freeze_support()
    sys.exit(main())
