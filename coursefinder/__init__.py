"""coursefinder: find labour-market training courses (AMO) in Norway."""

from importlib.metadata import PackageNotFoundError, version

from flask import Flask

from . import clock, settings

try:
    __version__ = version("coursefinder")
except PackageNotFoundError:  # run from a checkout that is not installed
    __version__ = "0+unknown"


def create_app(config=None):
    """The application factory: settings from the environment, overridden by ``config`` (tests pass one).

    It does no work a server runs per worker: preparing the index (the bundled sample
    into an empty one, rebuilding an outdated one) is done once by ``coursefinder serve``
    or ``coursefinder prepare`` before workers start, and logging is set up by the entry
    points.
    """
    from .search import CatalogueStore
    from .web import init_app

    app = Flask(__name__, static_folder="web/static", template_folder="web/templates")
    app.config.update(settings.load(config))
    app.extensions["catalogue"] = CatalogueStore(app.config["INDEX_DIR"], app.config["RELOAD_INTERVAL"],
                                                 background=not app.testing,
                                                 today=lambda: clock.today(app.config))
    init_app(app)
    return app
