"""An htmx action that fails says so in the page's live region."""

from ancrage.clusters.factories import StaffInvitationFactory
from ancrage.clusters.models import StaffInvitation
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_an_action_on_something_gone_is_explained(page, live_server, cast):
    StaffInvitationFactory(cluster=cast.cluster_a, email="partie@exemple.fr")
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/equipe/")
    # Meanwhile, the invitation disappears (e.g. removed by a colleague).
    StaffInvitation.objects.all().delete()
    page.get_by_role("button", name="Annuler partie@exemple.fr").click()
    region = page.locator("#messages[role=status]")
    region.get_by_text("Cet élément n’existe plus : rechargez la page.").wait_for()
    assert_accessible(page)


def test_an_unreachable_server_is_explained(page, live_server, cast):
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/equipe/")
    page.route("**/cluster/equipe/inviter/", lambda route: route.abort())
    page.get_by_label("Adresse électronique").fill("claire@exemple.fr")
    page.get_by_label("Prénom").fill("Claire")
    page.get_by_role("textbox", name="Nom", exact=True).fill("Martin")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.locator("#messages").get_by_text("Le serveur ne répond pas").wait_for()
