"""Build the site: `python build.py ARGS` is the same as `dateline ARGS`."""

import sys

from dateline.cli import main

if __name__ == "__main__":
    sys.exit(main())
