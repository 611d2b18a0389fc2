"""Running the site with a production WSGI server: waitress for one process, gunicorn for several.

Every process reads the same index folder and switches to a new catalogue on its own
within about a second of an import (see search/backend/store.py), so workers need no signal.
"""

import logging

from . import clock, settings
from .catalogue.importing import ensure_catalogue

log = logging.getLogger(__name__)


def serve(host="127.0.0.1", port=8000, index=None, threads=8, workers=1):
    index_dir = settings.index_dir(index)
    # Once, before any worker starts: import the sample into an empty index, or
    # rebuild a generation written by another version.
    configured = settings.load()
    ensure_catalogue(index_dir, clock.today(configured), sample=configured["AUTO_SAMPLE"])
    if workers <= 1:
        _serve_waitress(host, port, index_dir, threads)
    else:
        _serve_gunicorn(host, port, index_dir, threads, workers)


def _serve_waitress(host, port, index_dir, threads):
    import waitress

    from . import create_app

    waitress.serve(create_app({"INDEX_DIR": index_dir}), host=host, port=port, threads=threads,
                   ident="coursefinder")


def _serve_gunicorn(host, port, index_dir, threads, workers):
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self):
            settings = {
                "bind": f"{host}:{port}", "workers": workers, "threads": threads, "worker_class": "gthread",
                # No access log: the site keeps no record of who searched for what.
                "accesslog": None, "errorlog": "-", "loglevel": "info", "proc_name": "coursefinder",
                "graceful_timeout": 10,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self):
            from . import create_app

            return create_app({"INDEX_DIR": index_dir})

    Application().run()
