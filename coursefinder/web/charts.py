"""Server-rendered SVG charts that people can read: each has a title and a description, and
the page puts the same data beside it as a table.  No JavaScript, printable, no colours
that carry meaning alone (every tile and bar also shows its number).

In a right-to-left page the bar charts are mirrored (labels and bars start at the right, as
the text does); the tile map keeps Norway's shape, with its names and figures centred in the tiles.

Text stays readable at every width.  A chart is drawn ``WIDTH`` units wide and shown that
many CSS px wide, smaller only where the page is narrower: a 320 px phone leaves 288 px
(``NARROWEST``), so the chart scales by 288/304 and its smallest text, 13 units, shows at
12.3 px.  Labels are placed above their bars and broken into lines that fit, so none is cut.
"""

from markupsafe import Markup, escape

WIDTH, NARROWEST = 304, 288
SMALL, LARGE = 13, 18       # font sizes in user units: labels, and the figures on the map
LABEL = 14                  # the bar chart's labels and figures
# A generous guess at the width of a character, as a share of the font size: DejaVu Sans, a
# wide font, measures 0.50-0.61 for the labels here.  Lines are broken to fit by it.
CHAR_WIDTH = 0.62

# Where each county sits in a tile grid that follows the shape of Norway (column, row).
TILES = {
    "56": (3, 0), "55": (3, 1), "18": (2, 2), "50": (2, 3), "15": (1, 4), "34": (2, 4), "46": (0, 5),
    "33": (1, 5), "32": (2, 5), "03": (3, 5), "11": (0, 6), "40": (1, 6), "39": (2, 6), "31": (3, 6), "42": (1, 7),
}
# Light to dark, each step with a text colour that keeps WCAG contrast on it.
SHADES = [("#e6f0ff", "#23262a"), ("#b3d1ff", "#23262a"), ("#66a3ff", "#23262a"), ("#0063c1", "#ffffff"),
          ("#00347d", "#ffffff")]
GAP = 4
TILE = WIDTH // (max(col for col, _ in TILES.values()) + 1) - GAP


def _svg(chart_id, height, title, description, body, direction="ltr"):
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" width="{WIDTH}" height="{height}" direction="{direction}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'{body}</svg>')


def text_width(text, size):
    return len(text) * size * CHAR_WIDTH


def lines(text, width, size):
    """``text`` broken between words into lines that fit ``width`` at font ``size`` (a longer word keeps its line)."""
    found = []
    for word in text.split():
        if found and text_width(f"{found[-1]} {word}", size) <= width:
            found[-1] += f" {word}"
        else:
            found.append(word)
    return found or [""]


def shade_steps(values):
    """Upper bounds of the five shades (equal steps up to the largest value)."""
    top = max(values) or 1
    return [top * (step + 1) / len(SHADES) for step in range(len(SHADES))]


def _shade(value, steps):
    for index, bound in enumerate(steps):
        if value <= bound + 1e-9:
            return SHADES[index]
    return SHADES[-1]


def tile_map(chart_id, title, description, values, labels, formatted, direction="ltr"):
    """``values``: county -> number; ``formatted``: county -> the number as text.  Not mirrored in
    ``direction="rtl"``: it is a map."""
    steps = shade_steps(list(values.values()))
    rows = max(row for _, row in TILES.values()) + 1
    parts = []
    for county, (col, row) in TILES.items():
        fill, ink = _shade(values[county], steps)
        x, y = col * (TILE + GAP), row * (TILE + GAP)
        name = lines(labels[county], TILE - 4, SMALL)
        first = y + (28 if len(name) == 1 else 20)
        names = "".join(f'<text x="{x + TILE / 2}" y="{first + 15 * line}" text-anchor="middle" font-size="{SMALL}" '
                        f'fill="{ink}">{escape(part)}</text>' for line, part in enumerate(name))
        parts.append(
            f'<g><rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="6" fill="{fill}" stroke="#23262a" '
            f'stroke-width="1"/>{names}<text x="{x + TILE / 2}" y="{first + 15 * len(name) + 11}" '
            f'text-anchor="middle" font-size="{LARGE}" font-weight="700" fill="{ink}">'
            f'{escape(formatted[county])}</text></g>')
    return _svg(chart_id, rows * (TILE + GAP) - GAP, title, description, "".join(parts), direction)


def bar_chart(chart_id, title, description, items, direction="ltr"):
    """``items``: [(label, value, value as text)], drawn as horizontal bars, each under its label;
    from the right in ``direction="rtl"`` (text there is anchored at its start, which is its right)."""
    line, bar, inset = 18, 16, 2  # the inset keeps glyphs that reach left of their origin (J, T) inside
    rtl = direction == "rtl"

    def x(offset, length=0):
        """An x ``offset`` from the start side; a shape ``length`` wide starts there, to the end side."""
        return WIDTH - offset - length if rtl else offset
    room = max((text_width(text, LABEL) for _, _, text in items), default=0) + 8
    top = max((value for _, value, _ in items), default=0) or 1
    parts, y = [], 0
    for label, value, text in items:
        for part in lines(label, WIDTH - 2 * inset, LABEL):
            parts.append(f'<text x="{x(inset)}" y="{y + 15}" font-size="{LABEL}" fill="#23262a">{escape(part)}</text>')
            y += line
        length = (WIDTH - inset - room) * value / top
        parts.append(
            f'<rect x="{x(inset, length):.1f}" y="{y + 3}" width="{length:.1f}" height="{bar}" fill="#0063c1"/>'
            f'<text x="{x(inset + length + 6):.1f}" y="{y + 16}" font-size="{LABEL}" font-weight="700" fill="#23262a">'
            f'{escape(text)}</text>')
        y += bar + 12
    return _svg(chart_id, max(y - 6, line), title, description, "".join(parts), direction)
