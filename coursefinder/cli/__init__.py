"""The ``coursefinder`` command: thin click commands over plain functions.

The commands live in ``catalogue_commands`` (for publishers) and ``site_commands`` (for
operators) and are added to the group here.
"""

import click

from .catalogue_commands import (import_command, remove_source_command, sample_command, sources_command,
                                 validate_command)
from .common import start_logging
from .site_commands import check_command, prepare_command, report_command, serve_command


@click.group()
@click.version_option(package_name="coursefinder")
def main():
    """Find labour-market training courses (AMO): import catalogues and serve the site."""
    start_logging()


for command in (validate_command, import_command, sources_command, remove_source_command, sample_command,
                serve_command, prepare_command, check_command, report_command):
    main.add_command(command)
