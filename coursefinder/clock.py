"""The one clock of coursefinder: which day it is in Norway, and the time of an event.

A course ends on a Norwegian day, whatever time zone the server runs in, so "today"
is the date in Europe/Oslo.  The ``TODAY`` setting fixes it (tests, and a demonstration
of the site on another day); everything that asks which courses have ended, which are
open for application or what the offer page counts, asks here and passes the answer on.
"""

import datetime as dt
from zoneinfo import ZoneInfo

NORWAY = ZoneInfo("Europe/Oslo")


def today(settings=None):
    """The date that decides what has ended: the ``TODAY`` setting when set, else today in Norway."""
    fixed = settings.get("TODAY") if settings else None
    if fixed:
        return fixed if isinstance(fixed, dt.date) else dt.date.fromisoformat(str(fixed))
    return dt.datetime.now(NORWAY).date()


def now():
    """The present moment in UTC, for stamps written to disk (generations, calendar files)."""
    return dt.datetime.now(dt.timezone.utc)
