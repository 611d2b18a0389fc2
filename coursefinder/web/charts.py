"""Server-rendered SVG charts that people can read: each has a title and a description, and
the page puts the same data beside it as a table.  No JavaScript, printable, no colours
that carry meaning alone (every tile and bar also shows its number)."""

from markupsafe import Markup, escape

# Where each county sits in a tile grid that follows the shape of Norway (column, row).
TILES = {
    "56": (4, 0), "55": (3, 1), "18": (2, 2), "50": (2, 3), "15": (1, 4), "34": (2, 4), "46": (0, 5),
    "33": (1, 5), "32": (2, 5), "03": (3, 5), "11": (0, 6), "40": (1, 6), "39": (2, 6), "31": (3, 6), "42": (1, 7),
}
# Light to dark, each step with a text colour that keeps WCAG contrast on it.
SHADES = [("#e6f0ff", "#23262a"), ("#b3d1ff", "#23262a"), ("#66a3ff", "#23262a"), ("#0063c1", "#ffffff"),
          ("#00347d", "#ffffff")]
TILE, GAP = 86, 6


def _svg(chart_id, width, height, title, description, body):
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" width="{width}" height="{height}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'{body}</svg>')


def shade_steps(values):
    """Upper bounds of the five shades (equal steps up to the largest value)."""
    top = max(values) or 1
    return [top * (step + 1) / len(SHADES) for step in range(len(SHADES))]


def _shade(value, steps):
    for index, bound in enumerate(steps):
        if value <= bound + 1e-9:
            return SHADES[index]
    return SHADES[-1]


def tile_map(chart_id, title, description, values, labels, formatted):
    """``values``: county -> number; ``formatted``: county -> the number as text."""
    steps = shade_steps(list(values.values()))
    columns = max(col for col, _ in TILES.values()) + 1
    rows = max(row for _, row in TILES.values()) + 1
    parts = []
    for county, (col, row) in TILES.items():
        fill, ink = _shade(values[county], steps)
        x, y = col * (TILE + GAP), row * (TILE + GAP)
        name = escape(labels[county])
        parts.append(
            f'<g><rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="6" fill="{fill}" stroke="#23262a" '
            f'stroke-width="1"/><text x="{x + TILE / 2}" y="{y + 34}" text-anchor="middle" font-size="13" '
            f'fill="{ink}">{name if len(labels[county]) < 12 else escape(labels[county][:10]) + "…"}</text>'
            f'<text x="{x + TILE / 2}" y="{y + 60}" text-anchor="middle" font-size="18" font-weight="700" '
            f'fill="{ink}">{escape(formatted[county])}</text></g>')
    width, height = columns * (TILE + GAP), rows * (TILE + GAP)
    return _svg(chart_id, width, height, title, description, "".join(parts))


def bar_chart(chart_id, title, description, items):
    """``items``: [(label, value, value as text)], drawn as horizontal bars."""
    label_width, bar_width, row = 230, 300, 30
    top = max((value for _, value, _ in items), default=0) or 1
    parts = []
    for index, (label, value, text) in enumerate(items):
        y = index * row
        length = bar_width * value / top
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 20}" text-anchor="end" font-size="14" fill="#23262a">'
            f'{escape(label)}</text><rect x="{label_width}" y="{y + 6}" width="{length:.1f}" height="18" '
            f'fill="#0063c1"/><text x="{label_width + length + 6:.1f}" y="{y + 20}" font-size="14" '
            f'fill="#23262a">{escape(text)}</text>')
    return _svg(chart_id, label_width + bar_width + 60, max(len(items), 1) * row, title, description, "".join(parts))
