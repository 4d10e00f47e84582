"""Server-side SVG charts: valid XML, accessible, values placed correctly."""

import xml.etree.ElementTree as ET

from ancrage.core import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    root = ET.fromstring(str(markup))  # noqa: S314 -- our own markup
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    return root


def test_bars_are_proportional_and_titled():
    root = parse(
        charts.bars(
            [("Soudeur <TIG>", 10, "10"), ("Chaudronnier", 5, "5"), ("Secret", None, "")],
            title="Métiers",
            desc="Nombre de postes",
        )
    )
    assert root.find(f"{SVG}title").text == "Métiers"
    assert root.find(f"{SVG}desc").text == "Nombre de postes"
    rects = root.findall(f"{SVG}rect")
    assert len(rects) == 2
    assert float(rects[0].get("width")) == 2 * float(rects[1].get("width"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Soudeur <TIG>" in texts and "secret" in texts


def test_histogram_columns_grow_upwards_with_the_value():
    root = parse(charts.histogram([("1", 1, "1"), ("2", 4, "4"), ("3", 0, "0")], title="Échelle"))
    rects = root.findall(f"{SVG}rect")
    heights = [float(r.get("height")) for r in rects]
    assert heights[1] == 4 * heights[0] and heights[2] == 0
    assert float(rects[1].get("y")) < float(rects[0].get("y"))


def test_lines_draw_one_polyline_per_series_and_skip_missing_points():
    root = parse(
        charts.lines(
            ["T1", "T2", "T3"],
            [("Soudeur", [10, 20, 30]), ("Tourneur", [5, None, 15])],
            title="Tension",
        )
    )
    assert len(root.findall(f"{SVG}polyline")) == 2
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == 5
    first = [float(c.get("cy")) for c in circles[:3]]
    assert first[0] > first[1] > first[2]  # higher value, higher on the chart


def test_dot_map_places_brest_west_of_strasbourg_and_leaves_overseas_out():
    root = parse(
        charts.dot_map(
            [
                ("Brest", 48.39, -4.49, 3),
                ("Strasbourg", 48.57, 7.75, 1),
                ("Marseille", 43.30, 5.37, 2),
                ("Saint-Denis (La Réunion)", -20.88, 55.45, 5),
            ],
            title="Communes",
        )
    )
    circles = {c.find(f"{SVG}title").text.split(" :")[0]: c for c in root.findall(f"{SVG}circle")}
    assert set(circles) == {"Brest", "Strasbourg", "Marseille"}
    assert float(circles["Brest"].get("cx")) < float(circles["Strasbourg"].get("cx"))
    assert float(circles["Marseille"].get("cy")) > float(circles["Brest"].get("cy"))
    assert float(circles["Brest"].get("r")) > float(circles["Strasbourg"].get("r"))
    assert any("approximatives" in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_lines_take_a_fixed_top_for_scores():
    root = parse(charts.lines(["T1", "T2"], [("Soudeur", [50, 100])], title="Score", top=100))
    circles = root.findall(f"{SVG}circle")
    assert float(circles[1].get("cy")) == 10.0  # 100 is the top of the plot
    assert float(circles[0].get("cy")) == 105.0  # 50 is half way to the base (200)
