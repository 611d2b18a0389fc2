"""What makes a page easy to pass on: readable slugs, full addresses and QR codes."""

import re

import segno
from flask import current_app, request
from markupsafe import Markup

from ..text import fold

MAX_SLUG = 60


def slugify(title):
    """``Sveisekurs – MAG og TIG`` -> ``sveisekurs-mag-og-tig``: readable, ASCII, short."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title.lower())).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug or "course"


def absolute_url(path):
    """The full address of a path, for sharing: PUBLIC_URL when set (behind a proxy), else this host."""
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    return base.rstrip("/") + path


def qr_svg(url, title):
    """An inline SVG QR code of ``url``, named for screen readers by ``title``."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", title=title)
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))
