"""coursefinder: find labour-market training courses (AMO) in Norway."""

from flask import Flask

from . import config as settings
from .importing import ensure_catalogue
from .logs import setup_logging
from .search import CatalogueStore

__version__ = "0.1.0"


def create_app(config=None):
    """The application factory: ``config`` overrides the defaults (tests pass a throwaway index)."""
    app = Flask(__name__, static_folder="web/static", template_folder="web/templates")
    app.config.from_mapping(settings.DEFAULTS)
    app.config["INDEX_DIR"] = settings.index_dir()
    if config:
        app.config.update(config)
    setup_logging()
    if app.config["AUTO_SAMPLE"]:
        ensure_catalogue(app.config["INDEX_DIR"])
    app.extensions["catalogue"] = CatalogueStore(app.config["INDEX_DIR"], app.config["RELOAD_INTERVAL"],
                                                 background=not app.testing)

    from . import web

    web.init_app(app)
    return app
