"""Allow ``python -m confterm``."""

import sys

from confterm.cli import main

sys.exit(main())
