"""Frozen entry point of `panelreview-gui`.

A render worker is this same executable started again by multiprocessing
("spawn"); freeze_support() turns that start into the worker and never
returns, so it must run before anything imports Qt or parses arguments.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from ui.main import main

    sys.exit(main())
