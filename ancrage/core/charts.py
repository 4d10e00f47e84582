"""Server-side SVG charts: no JavaScript, printable by WeasyPrint.

Each function returns safe markup of one `<svg role="img">` with a `<title>`
and a `<desc>`; pages always show the data table with the chart, so the chart
only repeats what the table says. A value of None is a figure that is not
shown (statistical secrecy): its bar is left out and labelled « secret »."""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 220
ROW = 24
PRIMARY = "#0d6efd"
# Okabe-Ito: told apart by colour-blind readers too.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Metropolitan France (with Corsica), in degrees.
FRANCE = {"west": -5.2, "east": 9.7, "south": 41.3, "north": 51.2}


def _svg(width, height, title, desc, body):
    return mark_safe(  # noqa: S308 -- every text in `body` is escaped where it is built
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'font-family="sans-serif" font-size="12">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{''.join(body)}</svg>"
    )


def _short(label, length=34):
    label = str(label)
    return label if len(label) <= length else label[: length - 1] + "…"


def _num(value):
    return f"{float(value):.1f}"


def bars(rows, *, title, desc=""):
    """Horizontal bars. `rows`: (label, value or None, text shown at the bar's end)."""
    rows = list(rows)
    values = [float(v) for _label, v, _text in rows if v is not None]
    top = max(values, default=0) or 1
    span = WIDTH - LABEL_WIDTH - 70
    height = max(ROW * len(rows) + 8, ROW)
    body = []
    for index, (label, value, text) in enumerate(rows):
        y = 4 + index * ROW
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(_short(label))}</text>"
        )
        if value is None:
            body.append(
                f'<text x="{LABEL_WIDTH + 4}" y="{y + 15}" font-style="italic" fill="#6c757d">'
                f"{escape(_('secret'))}</text>"
            )
            continue
        length = max(float(value), 0) / top * span
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{_num(length)}" height="{ROW - 8}" '
            f'fill="{PRIMARY}"><title>{escape(label)} : {escape(text)}</title></rect>'
            f'<text x="{_num(LABEL_WIDTH + length + 4)}" y="{y + 15}">{escape(text)}</text>'
        )
    return _svg(WIDTH, height, title, desc, body)


def histogram(rows, *, title, desc=""):
    """Vertical columns (a scale, months). `rows`: (label, value or None, text)."""
    rows = list(rows)
    values = [float(v) for _label, v, _text in rows if v is not None]
    top = max(values, default=0) or 1
    plot_height, base = 160, 190
    step = (WIDTH - 40) / max(len(rows), 1)
    width = min(step * 0.7, 60)
    body = [f'<line x1="20" y1="{base}" x2="{WIDTH - 20}" y2="{base}" stroke="#6c757d"/>']
    for index, (label, value, text) in enumerate(rows):
        middle = 20 + step * index + step / 2
        body.append(
            f'<text x="{_num(middle)}" y="{base + 16}" text-anchor="middle">'
            f"{escape(_short(label, 14))}</text>"
        )
        if value is None:
            body.append(
                f'<text x="{_num(middle)}" y="{base - 6}" text-anchor="middle" '
                f'font-style="italic" fill="#6c757d">{escape(_("secret"))}</text>'
            )
            continue
        size = max(float(value), 0) / top * plot_height
        body.append(
            f'<rect x="{_num(middle - width / 2)}" y="{_num(base - size)}" width="{_num(width)}" '
            f'height="{_num(size)}" fill="{PRIMARY}"><title>{escape(label)} : {escape(text)}'
            f"</title></rect>"
            f'<text x="{_num(middle)}" y="{_num(base - size - 4)}" text-anchor="middle">'
            f"{escape(text)}</text>"
        )
    return _svg(WIDTH, base + 26, title, desc, body)


def lines(x_labels, series, *, title, desc="", top=None):
    """Several series over the same x axis (waves). `series`: (name, [value or
    None per x label]); a None leaves a gap. `top`: the top of the y axis (a
    score out of 100), else the largest value."""
    x_labels = list(x_labels)
    series = list(series)
    values = [float(v) for _name, points in series for v in points if v is not None]
    top = top or max(values, default=0) or 1
    left, right, plot_top, base = 50, WIDTH - 50, 10, 200
    step = (right - left) / max(len(x_labels) - 1, 1)
    body = [
        f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#6c757d"/>',
        f'<text x="{left - 6}" y="{plot_top + 4}" text-anchor="end">{escape(_fmt(top))}</text>',
        f'<text x="{left - 6}" y="{base}" text-anchor="end">0</text>',
    ]
    for index, label in enumerate(x_labels):
        body.append(
            f'<text x="{_num(left + step * index)}" y="{base + 16}" text-anchor="middle">'
            f"{escape(_short(label, 16))}</text>"
        )
    for number, (name, points) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        placed = [
            (left + step * index, base - float(v) / top * (base - plot_top), v)
            for index, v in enumerate(points)
            if v is not None
        ]
        path = " ".join(f"{_num(x)},{_num(y)}" for x, y, _v in placed)
        if len(placed) > 1:
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for x, y, v in placed:
            body.append(
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3.5" fill="{colour}">'
                f"<title>{escape(name)} : {escape(_fmt(v))}</title></circle>"
            )
        legend_y = base + 36 + number * 18
        body.append(
            f'<rect x="{left}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + 18}" y="{legend_y}">{escape(_short(name, 80))}</text>'
        )
    return _svg(WIDTH, base + 30 + 18 * len(series), title, desc, body)


def dot_map(points, *, title, desc=""):
    """Dots over metropolitan France, sized by value. `points`: (label,
    latitude, longitude, value). An equirectangular projection corrected at
    46.5° N: positions are approximate, and said so on the chart. Points
    outside metropolitan France (overseas) are left out; the table lists them."""
    width, height = 420, 420
    ratio = math.cos(math.radians(46.5))
    span_x = (FRANCE["east"] - FRANCE["west"]) * ratio
    span_y = FRANCE["north"] - FRANCE["south"]
    scale = min((width - 20) / span_x, (height - 40) / span_y)
    points = [p for p in points if p[1] is not None and p[2] is not None and p[3]]
    top = max((float(p[3]) for p in points), default=1) or 1
    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f8f9fa"/>']
    for label, latitude, longitude, value in sorted(points, key=lambda p: -float(p[3])):
        if not (
            FRANCE["west"] <= longitude <= FRANCE["east"]
            and FRANCE["south"] <= latitude <= FRANCE["north"]
        ):
            continue
        x = 10 + (longitude - FRANCE["west"]) * ratio * scale
        y = 10 + (FRANCE["north"] - latitude) * scale
        radius = 3 + 12 * math.sqrt(float(value) / top)
        body.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(radius)}" fill="{PRIMARY}" '
            f'fill-opacity="0.6" stroke="#084298"><title>{escape(label)} : {escape(_fmt(value))}'
            f"</title></circle>"
        )
    body.append(
        f'<text x="10" y="{height - 8}" fill="#6c757d">'
        f"{escape(_('Positions approximatives (projection simplifiée), France métropolitaine.'))}"
        f"</text>"
    )
    return _svg(width, height, title, desc, body)


def _fmt(value):
    value = float(value)
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def pyramid(rows, *, title, desc=""):
    """An age pyramid of one population: one centred bar per age band, the
    oldest on top. `rows`: (label, value or None, text, highlighted), in
    the order drawn; highlighted bands (close to retirement) are drawn in
    the palette's orange, the others in blue."""
    rows = list(rows)
    values = [float(v) for _label, v, _text, _high in rows if v is not None]
    top = max(values, default=0) or 1
    label_width, text_width = 130, 60
    middle = label_width + (WIDTH - label_width - text_width) / 2
    half = (WIDTH - label_width - text_width) / 2 - 4
    row = 28
    body = [
        f'<line x1="{_num(middle)}" y1="0" x2="{_num(middle)}" y2="{row * len(rows) + 4}" '
        f'stroke="#6c757d"/>'
    ]
    for index, (label, value, text, highlighted) in enumerate(rows):
        y = 4 + index * row
        body.append(
            f'<text x="{label_width - 6}" y="{y + 17}" text-anchor="end">'
            f"{escape(_short(label, 20))}</text>"
        )
        if value is None:
            body.append(
                f'<text x="{_num(middle)}" y="{y + 17}" text-anchor="middle" font-style="italic" '
                f'fill="#6c757d">{escape(_("secret"))}</text>'
            )
            continue
        size = max(float(value), 0) / top * half
        colour = PALETTE[5] if highlighted else PALETTE[0]
        body.append(
            f'<rect x="{_num(middle - size)}" y="{y + 3}" width="{_num(2 * size)}" '
            f'height="{row - 8}" fill="{colour}"><title>{escape(label)} : {escape(text)}</title>'
            f"</rect>"
            f'<text x="{WIDTH - text_width + 4}" y="{y + 17}">{escape(text)}</text>'
        )
    return _svg(WIDTH, row * len(rows) + 8, title, desc, body)


def paired_bars(rows, names, *, title, desc=""):
    """Two horizontal bars per label (e.g. needs and supply), with a legend.
    `rows`: (label, (value or None, text), (value or None, text)); `names`:
    the two series' names. A None bar is labelled « secret » or « – »
    (its text)."""
    rows = list(rows)
    values = [float(v) for _label, *pair in rows for v, _text in pair if v is not None]
    top = max(values, default=0) or 1
    span = WIDTH - LABEL_WIDTH - 70
    step = 2 * (ROW - 6) + 8
    body = []
    for number, name in enumerate(names):
        x = LABEL_WIDTH + number * 200
        body.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{PALETTE[number]}"/>'
            f'<text x="{x + 18}" y="14">{escape(_short(name, 30))}</text>'
        )
    for index, (label, *pair) in enumerate(rows):
        y = 26 + index * step
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 19}" text-anchor="end">'
            f"{escape(_short(label))}</text>"
        )
        for number, (value, text) in enumerate(pair):
            bar_y = y + number * (ROW - 6)
            if value is None:
                body.append(
                    f'<text x="{LABEL_WIDTH + 4}" y="{bar_y + 13}" font-style="italic" '
                    f'fill="#6c757d">{escape(text)}</text>'
                )
                continue
            length = max(float(value), 0) / top * span
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y + 2}" width="{_num(length)}" '
                f'height="{ROW - 10}" fill="{PALETTE[number]}"><title>{escape(label)}, '
                f"{escape(names[number])} : {escape(text)}</title></rect>"
                f'<text x="{_num(LABEL_WIDTH + length + 4)}" y="{bar_y + 13}">{escape(text)}</text>'
            )
    return _svg(WIDTH, 30 + step * max(len(rows), 1), title, desc, body)


def diverging_bars(rows, *, title, desc=""):
    """Horizontal bars either side of zero (a standardised score). `rows`:
    (label, value or None, text); positive values go right in orange,
    negative ones left in blue."""
    rows = list(rows)
    values = [abs(float(v)) for _label, v, _text in rows if v is not None]
    top = max(values, default=0) or 1
    middle = LABEL_WIDTH + (WIDTH - LABEL_WIDTH) / 2
    half = (WIDTH - LABEL_WIDTH) / 2 - 50
    height = max(ROW * len(rows) + 8, ROW)
    body = [
        f'<line x1="{_num(middle)}" y1="0" x2="{_num(middle)}" y2="{height}" stroke="#6c757d"/>'
    ]
    for index, (label, value, text) in enumerate(rows):
        y = 4 + index * ROW
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(_short(label))}</text>"
        )
        if value is None:
            body.append(
                f'<text x="{_num(middle + 4)}" y="{y + 15}" font-style="italic" fill="#6c757d">'
                f"{escape(_('secret'))}</text>"
            )
            continue
        size = abs(float(value)) / top * half
        start = middle if value >= 0 else middle - size
        colour = PALETTE[5] if value >= 0 else PALETTE[0]
        text_x = middle + size + 4 if value >= 0 else middle - size - 4
        anchor = "start" if value >= 0 else "end"
        body.append(
            f'<rect x="{_num(start)}" y="{y + 3}" width="{_num(size)}" height="{ROW - 8}" '
            f'fill="{colour}"><title>{escape(label)} : {escape(text)}</title></rect>'
            f'<text x="{_num(text_x)}" y="{y + 15}" text-anchor="{anchor}">{escape(text)}</text>'
        )
    return _svg(WIDTH, height, title, desc, body)
