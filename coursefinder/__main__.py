"""``python -m coursefinder`` runs the command line, like the ``coursefinder`` script."""

from .cli import main

main()
