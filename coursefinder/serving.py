"""Running the site with a production WSGI server: gunicorn with a worker per core, waitress without fork.

Every process reads the same index folder and switches to a new catalogue on its own
within about a second of an import (see search/backend/store.py), so workers need no
signal.  The index is prepared once, here, before any worker starts.
"""

import errno
import gc
import logging
import os
import socket

from . import clock, settings
from .catalogue.importing import ensure_catalogue
from .web.security import LOCAL_HOSTS

log = logging.getLogger(__name__)


class PortInUse(Exception):
    """The address to listen on is taken; the message names it."""


def can_fork():
    return hasattr(os, "fork")


def default_workers():
    """One worker process per core where processes can be forked, else one (waitress)."""
    return (os.cpu_count() or 1) if can_fork() else 1


def check_port(host, port):
    """Raise :class:`PortInUse` when nothing could listen on ``host:port``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                raise PortInUse(f"{host}:{port} is in use by another program; choose another with --port") from None
            raise


def app_config(host, index_dir, configured):
    """What the app of each worker is given: the index, and the hosts it answers for."""
    config = {"INDEX_DIR": index_dir}
    if not configured["PUBLIC_URL"] and not configured["ALLOWED_HOSTS"]:
        names = {host.strip("[]").lower(), *LOCAL_HOSTS}
        if host in ("0.0.0.0", "::", ""):
            # Listening on every address: the machine's own names are the ones people use.
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        config["ALLOWED_HOSTS"] = tuple(sorted(names))
    return config


def serve(host="127.0.0.1", port=8000, index=None, threads=8, workers=None):
    """Prepare the index; return ``(server name, worker processes, run)``, where ``run()`` serves until stopped."""
    index_dir = settings.index_dir(index)
    configured = settings.load()
    check_port(host, port)
    # Once, before any worker starts: import the sample into an empty index, move an
    # old sample to this week, or rebuild a generation written by another version.
    ensure_catalogue(index_dir, clock.today(configured), sample=configured["AUTO_SAMPLE"])
    workers = workers or default_workers()
    config = app_config(host, index_dir, configured)
    if workers <= 1 or not can_fork():
        return "waitress", 1, lambda: _serve_waitress(host, port, config, threads)
    return "gunicorn", workers, lambda: _serve_gunicorn(host, port, config, threads, workers)


def _serve_waitress(host, port, config, threads):
    import waitress

    from . import create_app

    waitress.serve(create_app(config), host=host, port=port, threads=threads, ident="coursefinder")


def _serve_gunicorn(host, port, config, threads, workers):
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"{host}:{port}", "workers": workers, "threads": threads, "worker_class": "gthread",
                # No access log: the site keeps no record of who searched for what.
                "accesslog": None, "errorlog": "-", "loglevel": "info", "proc_name": "coursefinder",
                "graceful_timeout": 10,
                # The app and the data every search reads are loaded once, before the workers
                # fork: they share those pages (less memory a worker) and start warm.
                "preload_app": True, "post_worker_init": _open_catalogue,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            from . import create_app
            from .search import load_shared_data

            app = create_app(config)
            load_shared_data()
            # Frozen, the loaded objects are never touched by a worker's collector, which
            # would copy every page of them into each worker.
            gc.collect()
            gc.freeze()
            return app

    Application().run()


def _open_catalogue(worker):
    """In each worker, before it takes requests: open the catalogue and make its first search."""
    app = worker.wsgi
    try:
        generation = app.extensions["catalogue"].get()
        if generation is not None:
            generation.warm_up(clock.today(app.config))
    except Exception as error:  # the worker serves anyway; its first request opens the catalogue
        log.error("could not open the catalogue before serving: %s", error)
