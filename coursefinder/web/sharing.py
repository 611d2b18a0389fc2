"""What makes a page easy to pass on: readable slugs, full addresses and QR codes."""

import re
from functools import lru_cache

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


@lru_cache(maxsize=256)
def qr_svg(url, title):
    """An inline SVG QR code of ``url``, named for screen readers by ``title``; None when the address is too long.

    A QR code holds about 2,300 bytes at the error correction a phone screen needs; a
    longer address (a search with many filters or long words) gets no code, and the page
    asks to copy the link instead.  Codes are kept (the same page is shared often, and
    drawing one costs more than the rest of the page).
    """
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError:
        return None
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", title=str(title))
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))
