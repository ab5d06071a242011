"""``python -m argmap``: the same command line as ``argmap``."""

import sys

from .cli import main

sys.exit(main())
