from html import unescape

import pytest
from django.urls import reverse

from ancrage.clusters.factories import ClusterStaffFactory
from tests.cast import login


def test_welcome_page_for_visitors(client, cast):
    response = client.get("/")
    assert "Ancrage, la GPEC territoriale des clusters" in response.text
    assert "Découvrir les 2 clusters de la plateforme" in response.text
    assert 'href="#contenu"' in response.text


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("staff_a", "Cluster Alpha"),
        ("staff_b", "Cluster Bêta"),
        ("member_a", "Usinage Alpha"),
        ("candidate", "Visibilité"),
        ("authority", "Clusters dont le siège est dans votre territoire"),
    ],
)
def test_each_role_lands_on_its_dashboard(client, cast, role, expected):
    login(client, cast.user(role))
    response = client.get("/")
    assert expected in response.text


def test_authority_sees_clusters_of_its_territory_only(client, cast):
    login(client, cast.authority)
    response = client.get("/")
    assert "Cluster Alpha" in response.text  # seat in Lorient, Bretagne
    assert "Cluster Bêta" not in response.text  # Saint-Nazaire, Pays de la Loire


def test_staff_dashboard_says_what_to_do_next(client, cast):
    login(client, cast.staff_a)
    response = client.get("/")
    assert "Invitez vos collègues dans l'équipe" in response.text
    assert "Complétez la présentation" in response.text


def test_user_without_role_is_told_how_to_get_one(client, db):
    from ancrage.accounts.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/")
    assert "Votre compte n'a encore aucun espace" in response.text


def test_switch_between_clusters(client, cast):
    ClusterStaffFactory(cluster=cast.cluster_b, user=cast.staff_a)
    login(client, cast.staff_a)
    response = client.get("/")
    assert "<h1>Cluster Alpha</h1>" in response.text
    assert 'name="context"' in response.text

    response = client.post(
        reverse("core:switch_context"), {"context": f"staff:{cast.cluster_b.pk}", "next": "/"}
    )
    assert response.status_code == 302
    response = client.get("/")
    assert "<h1>Cluster Bêta</h1>" in response.text
    assert "Vous êtes dans l'espace « Cluster Bêta — équipe »" in unescape(response.text)


def test_cannot_switch_to_a_cluster_one_does_not_work_for(client, cast):
    login(client, cast.staff_a)
    response = client.post(
        reverse("core:switch_context"),
        {"context": f"staff:{cast.cluster_b.pk}", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"
    response = client.get("/")
    assert "<h1>Cluster Alpha</h1>" in response.text
    assert "Cet espace n'est pas accessible avec votre compte." in unescape(response.text)


def test_demo_banner_only_in_demo(client, db, settings):
    settings.DEMO = False
    assert "sont fictives" not in client.get("/").text
    settings.DEMO = True
    assert "sont fictives" in client.get("/").text


def test_french_404_page(client, db):
    response = client.get("/clusters/cluster-qui-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text


def test_legal_pages_show_the_operator(client, db, settings):
    settings.ANCRAGE_OPERATOR_NAME = "Association Exemple"
    settings.ANCRAGE_DPO_EMAIL = "dpo@exemple.fr"
    assert "Association Exemple" in client.get(reverse("core:legal_notice")).text
    privacy = client.get(reverse("core:privacy")).text
    assert "dpo@exemple.fr" in privacy
    assert "365 jours" in privacy
    assert "partiellement conforme" in client.get(reverse("core:accessibility")).text


def test_pages_stay_french_whatever_the_browser_language(client, db):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Mot de passe" in response.text
    assert "Password" not in response.text


def test_before_the_code_the_header_offers_only_logging_out(client, cast):
    client.force_login(cast.staff_a)  # password given, code not yet
    page = client.get(reverse("accounts:mfa_verify")).text
    assert "Se déconnecter" in page
    assert reverse("cluster:staff") not in page
    assert f'href="{reverse("accounts:account")}"' not in page
    login(client, cast.staff_a)
    page = client.get("/").text
    assert reverse("cluster:staff") in page
    assert f'href="{reverse("accounts:account")}"' in page
