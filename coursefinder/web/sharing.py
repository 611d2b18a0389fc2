"""What makes a page easy to pass on: readable slugs, full addresses and QR codes."""

import re
from functools import lru_cache

import numpy as np
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


@lru_cache(maxsize=64)      # a page shared often; each search page has an address (and code) of its own
def qr_svg(url, title):
    """An inline SVG QR code of ``url``, named for screen readers by ``title``; None when the address is too long.

    A QR code holds about 2,300 bytes at the error correction a phone screen needs; a
    longer address (a search with many filters or long words) gets no code, and the page
    asks to copy the link instead.  Codes are kept (the same page is shared often).  The
    modules come from zxing-cpp's encoder (about a millisecond; segno, the fallback, takes
    ten times as long, which a page of new search results would spend on its code).
    """
    modules = _modules(url)
    if modules is None:
        return None
    rows, width = modules.shape
    size = width + 2 * QR_BORDER
    # Each row's runs of dark modules, one stroke each: where a padded row turns dark and back.
    edges = np.diff(np.pad(modules, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    y_start, x_start = np.nonzero(edges == 1)
    _, x_end = np.nonzero(edges == -1)
    runs = "".join(f"M{x + QR_BORDER} {y + QR_BORDER}.5h{end - x}"
                   for y, x, end in zip(y_start.tolist(), x_start.tolist(), x_end.tolist()))
    return Markup('<svg role="img" focusable="false" width="%d" height="%d"><title>%s</title>'
                  '<g transform="scale(%d)"><path fill="#fff" d="M0 0h%dv%dh-%dz"/>'
                  '<path stroke="#000" d="%s"/></g></svg>') % (size * QR_SCALE, size * QR_SCALE, str(title), QR_SCALE,
                                                                size, size, size, Markup(runs))


QR_SCALE = 3
QR_BORDER = 2
# What the largest QR code holds at level M as bytes (an address has lower-case letters, so
# bytes it is); zxing-cpp could pack more by mixing modes, into a code too dense to scan here.
QR_MAX_BYTES = 2331


def _modules(url):
    """The QR code's modules at error correction level M, a boolean array (True: dark), or None when it does not fit."""
    try:
        import zxingcpp

        create = zxingcpp.create_barcode
    except (ImportError, AttributeError):   # no zxing-cpp, or one before its 3.0 interface
        create = None
    if create is not None:
        if len(url.encode()) > QR_MAX_BYTES:
            return None
        try:
            code = create(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        except (ValueError, RuntimeError):
            return None
        return np.asarray(code.to_image(scale=1, add_quiet_zones=False)) == 0
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError:
        return None
    return np.array(code.matrix, dtype=bool)
