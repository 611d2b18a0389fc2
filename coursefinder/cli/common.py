"""What the commands share: messages in the terminal's language, problems, progress on a terminal."""

import logging
import sys
import time

import click

from ..i18n import terminal_language, translations_for
from ..logs import setup_logging


def translations():
    return translations_for(terminal_language())


def _(message):
    """A message of the catalogs in the terminal's language (extracted by pybabel like the web's)."""
    return translations().gettext(message)


def ngettext(singular, plural, count):
    return translations().ngettext(singular, plural, count)


def say(message, err=False, **params):
    """Print a message (already translated with ``_``), with ``params`` filled in."""
    click.echo(message % params if params else message, err=err)


def print_problems(problems):
    found = translations()
    for problem in problems:
        click.echo(problem.render(found.gettext), err=True)
    click.echo(found.ngettext("%(count)d problem found; nothing was changed.",
                              "%(count)d problems found; nothing was changed.", len(problems))
               % {"count": len(problems)}, err=True)


def start_logging(level=logging.WARNING):
    """Logging as the settings ask (COURSEFINDER_LOG_FORMAT), set up by the entry point.

    A command for people logs warnings only (it says what it did in its own words); the
    server commands log what they do for operators (``level=logging.INFO``).
    """
    from .. import settings

    try:
        setup_logging(settings.load()["LOG_FORMAT"], level)
    except settings.SettingError as error:
        raise click.UsageError(str(error)) from None


class Progress:
    """What a long import is doing, on a terminal: records read and checked, then courses indexed."""

    def __init__(self):
        self.read = 0
        self.started = time.monotonic()
        self.bar = None

    def record(self):
        self.read += 1
        if self.read % 500 == 0:
            rate = self.read / max(time.monotonic() - self.started, 1e-6)
            click.echo(f"\rReading and checking: {self.read:,} records ({rate:,.0f}/s)", nl=False, err=True)

    def valid(self, count):
        seconds = time.monotonic() - self.started
        click.echo(f"\rRead and checked {count:,} courses in {seconds:.1f} s.{' ' * 20}", err=True)
        self.bar = click.progressbar(length=count, label="Indexing", file=sys.stderr, show_eta=True,
                                     show_percent=True, item_show_func=None)
        self.bar._is_atty = True  # Progress is only made for a terminal (see the import command)
        self.bar.__enter__()

    def course(self):
        self.bar.update(1)

    def close(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
