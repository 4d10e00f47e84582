"""axe-core checks: no serious or critical violation on a page."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}
_axe = Axe()


def assert_accessible(page):
    # Colours are measured at rest: the pointer left over a button after a
    # click would have it caught mid-way through its hover transition.
    page.mouse.move(0, 0)
    page.wait_for_function(
        """document.getAnimations().every(animation =>
            animation.playState !== 'running'
            || animation.effect.getTiming().iterations === Infinity)"""
    )
    results = _axe.run(page)
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)
