"""Settings with their defaults; an app gets them from ``create_app(config)`` or the environment."""

import datetime as dt
import os

INDEX_ENV = "COURSEFINDER_INDEX"


def index_dir(option=None):
    """The index folder: the ``--index`` option, else $COURSEFINDER_INDEX, else ./index."""
    return os.path.abspath(option or os.environ.get(INDEX_ENV) or "index")


def today(settings):
    """The date that decides which courses have ended: TODAY when set (tests fix it), else today."""
    return settings["TODAY"] or dt.date.today()


DEFAULTS = {
    # Seconds between checks for a newly imported catalogue.
    "RELOAD_INTERVAL": 1.0,
    # Import the bundled sample catalogue when the index holds none.
    "AUTO_SAMPLE": True,
    # Where readers send feedback, also on accessibility (shown on every page).
    "FEEDBACK_EMAIL": "tilbakemelding@kurssok.example.no",
    # The site's public address (https://kurs.example.no) for shared links behind a proxy.
    "PUBLIC_URL": None,
    # Send Strict-Transport-Security with this max-age when the site is only reached over HTTPS.
    "HSTS_SECONDS": None,
    # The date that decides which courses have ended; None means today (tests fix it).
    "TODAY": None,
}
