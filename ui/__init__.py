"""PanelReview's Qt face over the `app` core."""

import os

# Qt hands fills taller than about a hundred rows that are not one plain colour (the scroll bars' gradients,
# a scaled stand-in page), image scaling and conversions to a thread pool of its own and waits for them. While
# a render worker holds the other core, the window thread then waited for the pool's threads to be given a
# core: 4 ms a time on the bench's two-core machine, several times a page turn, for work of a tenth of a
# millisecond (bench/bench_viewer.py, turning 50 pages: the longest gap 16.5 ms before, 9.5-13.6 ms after).
# The window does this work itself; the heavy pixel work is the render workers'. Read by Qt when the pool is
# first wanted, so it is set before any window paints.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
