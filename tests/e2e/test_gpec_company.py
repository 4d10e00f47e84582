"""In a real browser: a member reads its GPEC page (pyramid, benchmarks,
hidden ones « secret »), staff read the training needs and filter them by
horizon; both pages pass axe."""

from django.urls import reverse

from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.gpec.test_company import alpha  # noqa: F401 -- the fixture
from tests.gpec.test_training import needs  # noqa: F401 -- the fixture


def test_a_member_reads_its_page(page, live_server, cast, alpha):  # noqa: F811
    log_in(page, live_server, cast.member_a)
    page.goto(reverse("gpec_company:mine", args=[cast.cluster_a.pk]))
    page.get_by_role("heading", name="Vos emplois et compétences").wait_for()
    assert page.locator("svg.chart").count() == 3  # overall, Usinage, Soudage
    assert (
        "médiane des autres adhérents du cluster 20,0"
        in page.get_by_text("Votre part des 55 ans").inner_text()
    )
    assert page.locator("span.secret").count() >= 1
    assert_accessible(page)


def test_staff_filter_the_training_needs(page, live_server, cast, needs):  # noqa: F811
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("gpec_training:list"))
    page.get_by_role("heading", name="3 besoins").wait_for()
    page.get_by_label("Horizon").select_option("1")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("heading", name="1 besoin").wait_for()
    assert "horizon=1" in page.url
    assert_accessible(page)
