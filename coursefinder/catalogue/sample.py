"""The bundled sample catalogue, kept as young as the day it is imported.

``data/sample-courses.json`` is an ordinary file in the import format, written for the
week of ``ANCHOR``: on that day one course has ended, one is cancelled, and the rest
start over the coming year (fixed starts on Mondays, rolling starts, deadlines).  When
the sample is imported its dates are moved by whole weeks to the site's day (the clock,
so the ``TODAY`` setting moves it too), which keeps every start on a Monday and the same
mix on any day: the sample never ages.
"""

import datetime as dt
import json
import os
from importlib import resources

# The week the sample's dates were written for.
ANCHOR = dt.date(2026, 11, 27)
DATE_FIELDS = ("start_date", "end_date", "application_deadline")
LABEL = "sample-courses.json (the bundled sample)"


def sample_path():
    return os.fspath(resources.files("coursefinder.catalogue") / "data" / "sample-courses.json")


def shift_for(today):
    """How far the sample's dates move to be as young on ``today`` as on its anchor: whole weeks."""
    return dt.timedelta(weeks=(today - ANCHOR).days // 7)


def sample_records(today):
    """The sample's records with their dates moved to ``today``'s week."""
    with open(sample_path(), encoding="utf-8") as handle:
        records = json.load(handle)
    shift = shift_for(today)
    for record in records:
        for name in DATE_FIELDS:
            if name in record:
                record[name] = (dt.date.fromisoformat(record[name]) + shift).isoformat()
        if "updated_at" in record:
            record["updated_at"] = (dt.datetime.fromisoformat(record["updated_at"]) + shift).isoformat()
    return records


def sample_source(today):
    """``(label, bytes)`` of the sample for ``today``, as the loader takes files."""
    return LABEL, json.dumps(sample_records(today), ensure_ascii=False).encode("utf-8")


def anchor_for(today):
    """The day the sample is moved to for ``today`` (its anchor plus the shift), naming this import of it."""
    return (ANCHOR + shift_for(today)).isoformat()
