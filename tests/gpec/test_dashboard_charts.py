"""The charts the GPEC dashboard added to `core.charts`: an age pyramid,
paired bars (needs and supply) and bars either side of zero (a score)."""

import xml.etree.ElementTree as ET

from ancrage.core import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    root = ET.fromstring(str(markup))  # noqa: S314 -- our own markup
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    return root


def test_pyramid_centres_its_bars_and_marks_the_oldest():
    root = parse(
        charts.pyramid(
            [
                ("60 ans et plus", 2, "2", True),
                ("55 à 59 ans", None, "", True),
                ("< 25", 4, "4", False),
            ],
            title="Pyramide <Usinage>",
        )
    )
    assert root.find(f"{SVG}title").text == "Pyramide <Usinage>"
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2
    widths = [float(r.get("width")) for r in bars]
    assert widths[1] == 2 * widths[0]
    middles = {round(float(r.get("x")) + float(r.get("width")) / 2) for r in bars}
    assert len(middles) == 1  # both centred on the same axis
    assert bars[0].get("fill") != bars[1].get("fill")  # the oldest stand out
    assert "secret" in [t.text for t in root.iter(f"{SVG}text")]


def test_paired_bars_share_one_scale():
    root = parse(
        charts.paired_bars(
            [("Usinage", (10, "10"), (5, "5")), ("Soudage", (None, "secret"), (None, "–"))],
            ["Besoins", "Offre"],
            title="Besoins et offre",
        )
    )
    bars = [r for r in root.findall(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert float(bars[0].get("width")) == 2 * float(bars[1].get("width"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Besoins", "Offre", "secret", "–"} <= set(texts)


def test_diverging_bars_go_left_below_zero():
    root = parse(
        charts.diverging_bars(
            [("Forte", 1.5, "1,50"), ("Faible", -0.75, "-0,75"), ("Cachée", None, "")],
            title="Tension",
        )
    )
    line = root.find(f"{SVG}line")
    axis = float(line.get("x1"))
    high, low = root.findall(f"{SVG}rect")
    assert float(high.get("x")) == axis
    assert float(low.get("x")) + float(low.get("width")) == axis
    assert float(high.get("width")) == 2 * float(low.get("width"))
