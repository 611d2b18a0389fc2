"""Every setting of coursefinder, in one table: its default, how it is read, what it is for.

A setting comes, in this order of strength, from the mapping given to
``create_app(config)``, from the environment as ``COURSEFINDER_<NAME>`` (so that an
operator sets it for ``coursefinder serve`` and for any WSGI server alike), or from its
default here.  The README lists the same table; a test fails when they differ.
"""

import datetime as dt
import os
from dataclasses import dataclass

PREFIX = "COURSEFINDER_"


class SettingError(ValueError):
    """A setting given in the environment that cannot be read; the message names it."""


def _text(value):
    return value.strip() or None


def _path(value):
    return os.path.abspath(value) if value.strip() else None


def _number(value):
    return float(value)


def _whole(value):
    number = int(value)
    if number < 0:
        raise ValueError("must not be negative")
    return number


def _flag(value):
    word = value.strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("use 1 or 0")


def _date(value):
    return dt.date.fromisoformat(value.strip()) if value.strip() else None


def _url(value):
    value = value.strip().rstrip("/")
    if value and not value.startswith(("https://", "http://")):
        raise ValueError("must start with https:// (or http://)")
    return value or None


def _hosts(value):
    return tuple(host.strip().lower() for host in value.split(",") if host.strip())


def _choice(*allowed):
    def read(value):
        if value.strip() not in allowed:
            raise ValueError(f"use one of: {', '.join(allowed)}")
        return value.strip()
    return read


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    read: object            # text of the environment variable -> value
    help: str
    env: tuple = ()         # other environment names that also set it (older names)

    @property
    def variables(self):
        return (PREFIX + self.name, *self.env)


SETTINGS = (
    Setting("INDEX_DIR", None, _path, "The index folder the site serves and imports write to; default: `index/` "
            "in the working directory.", env=(PREFIX + "INDEX",)),
    Setting("RELOAD_INTERVAL", 1.0, _number, "Seconds between checks for a newly imported catalogue."),
    Setting("AUTO_SAMPLE", True, _flag, "`coursefinder serve` imports the bundled sample catalogue into an index "
            "that holds none (before any worker starts)."),
    Setting("PUBLIC_URL", None, _url, "The site's public address (`https://kurs.example.no`): every absolute "
            "address (shared links, QR codes, feeds, calendar files, canonical links, the API's `url`) is made "
            "from it. Set it behind a proxy."),
    Setting("ALLOWED_HOSTS", (), _hosts, "Without PUBLIC_URL, the host names (comma-separated) a request may "
            "name in its Host header; others get 400. Default: the address `serve` listens on, and localhost."),
    Setting("TRUSTED_PROXIES", 0, _whole, "How many proxies in front of the site may set X-Forwarded-Proto and "
            "X-Forwarded-Host (Werkzeug's ProxyFix); 0 trusts none. With PUBLIC_URL set this is rarely needed."),
    Setting("FEEDBACK_EMAIL", "tilbakemelding@kurssok.example.no", _text, "Where readers send feedback, also on "
            "accessibility; shown on every page. Set it to your own address."),
    Setting("HSTS_SECONDS", None, _whole, "Send Strict-Transport-Security with this max-age; only when the site "
            "is reached over HTTPS alone."),
    Setting("TODAY", None, _date, "The date (YYYY-MM-DD) that decides which courses have ended and what the "
            "offer page counts; default: today in Norway (Europe/Oslo). Tests fix it."),
    Setting("KEEP_OLD_SECONDS", 60.0, _number, "How long a superseded catalogue generation is kept for readers "
            "that may still use it, counted from its successor's switch."),
    Setting("LOG_FORMAT", "text", _choice("text", "json"), "`json` writes one JSON object a log line."),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def defaults():
    return {setting.name: setting.default for setting in SETTINGS}


def from_environ(environ=None):
    """The settings given in the environment, read to their values; :class:`SettingError` if one is wrong."""
    environ = os.environ if environ is None else environ
    found = {}
    for setting in SETTINGS:
        for variable in setting.variables:
            if variable in environ:
                try:
                    found[setting.name] = setting.read(environ[variable])
                except ValueError as error:
                    raise SettingError(f"{variable}={environ[variable]!r}: {error}") from None
                break
    return found


def load(config=None, environ=None):
    """The whole set: defaults, then the environment, then ``config`` (a mapping, e.g. a test's)."""
    values = defaults()
    values.update(from_environ(environ))
    values.update(config or {})
    if not values.get("INDEX_DIR"):
        values["INDEX_DIR"] = os.path.abspath("index")
    return values


def index_dir(option=None, environ=None):
    """The index folder for a command: its ``--index`` option, else the setting, else ./index."""
    if option:
        return os.path.abspath(option)
    return load(environ=environ)["INDEX_DIR"]
