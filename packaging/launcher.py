"""What the standalone app runs: the ``cxworkshop`` command, as if installed with pip."""

import sys

from cxworkshop.cli import main

if __name__ == "__main__":
    sys.exit(main())
