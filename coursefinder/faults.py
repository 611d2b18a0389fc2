"""Named points in an import where a crash test can stop it, to kill it there.

With COURSEFINDER_PAUSE_AT=<name> the import writes the name to the file named by
COURSEFINDER_PAUSE_MARKER and waits, so the test can SIGKILL it at that very moment.
Without the variable (always, outside the tests) a checkpoint does nothing.
"""

import os
import time

POINTS = ("parsing", "writing", "before-switch")


def checkpoint(name):
    if os.environ.get("COURSEFINDER_PAUSE_AT") != name:
        return
    marker = os.environ.get("COURSEFINDER_PAUSE_MARKER")
    if marker:
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write(name)
    time.sleep(600)
