import zlib
from html import unescape

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.territory.models import Commune
from tests.cast import login
from tests.clusters.images import image_bytes, upload


def png_header(width, height):
    """A PNG announcing width × height pixels and holding none: an oversized
    image (up to a decompression bomb) is refused from its header alone."""

    def chunk(kind, data):
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


@pytest.fixture
def admin_client(client, cast):
    return login(client, cast.staff_a)


def profile_data(cast, **overrides):
    return {
        "name": "Cluster Alpha",
        "kind": "grappe",
        "filiere": cast.cluster_a.filiere,
        "description": "",
        "seat": cast.cluster_a.seat.code,
        "founded_year": "2005",
        "website": "",
        **overrides,
    }


def test_staff_read_the_profile(client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a)
    login(client, officer.user)
    response = client.get(reverse("cluster:profile"))
    assert "Cluster Alpha" in response.text
    assert "Lorient" in response.text
    assert "Modifier le profil" not in response.text
    assert client.get(reverse("cluster:profile_edit")).status_code == 403
    assert client.post(reverse("cluster:profile_edit"), profile_data(cast)).status_code == 403


def test_admin_edits_the_profile_and_the_change_is_audited(admin_client, cast):
    saint_nazaire = Commune.objects.get(code="44184")
    data = profile_data(
        cast,
        filiere="Construction navale",
        description="Le cluster des chantiers.",
        seat=saint_nazaire.code,
        website="https://alpha.example.org",
        founded_year="1999",
    )

    response = admin_client.post(reverse("cluster:profile_edit"), data, follow=True)

    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.seat == saint_nazaire
    assert cast.cluster_a.founded_year == 1999
    assert cast.cluster_a.website == "https://alpha.example.org"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CLUSTER_UPDATED)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.actor == cast.staff_a
    assert sorted(entry.details["changed"]) == [
        "description",
        "filiere",
        "founded_year",
        "seat",
        "website",
    ]
    assert "Le profil du cluster est enregistré" in unescape(response.text)


def test_saving_without_change_records_nothing(admin_client, cast):
    response = admin_client.post(reverse("cluster:profile_edit"), profile_data(cast), follow=True)
    assert "Aucune modification" in response.text
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"founded_year": "1850"}, "supérieure ou égale à 1900"),
        ({"founded_year": "3000"}, "inférieure ou égale à"),
        ({"founded_year": "deux mille"}, "Saisissez un nombre entier"),
        ({"name": "x" * 10_000}, "au plus 200 caractères"),
        ({"name": ""}, "Ce champ est obligatoire"),
        ({"kind": "club"}, "Sélectionnez un choix valide"),
        ({"seat": "Zzzyzx-sur-Mer"}, "Aucune commune ne correspond"),
        ({"website": "pas un site"}, "Saisissez une URL valide"),
        ({"filiere": "<script>alert(1)</script> ∑ 😀"}, None),
    ],
)
def test_bad_input_keeps_what_was_typed(admin_client, cast, overrides, message):
    response = admin_client.post(reverse("cluster:profile_edit"), profile_data(cast, **overrides))
    if message is None:
        assert response.status_code == 302
        cast.cluster_a.refresh_from_db()
        assert cast.cluster_a.filiere == overrides["filiere"]
        return
    assert response.status_code == 200
    assert message in unescape(response.text)
    assert "Le profil n'est pas enregistré" in unescape(response.text)
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("image_format", "extension"),
    [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif"), ("WEBP", "webp")],
)
def test_logo_accepts_the_four_formats_and_names_the_file(
    admin_client, cast, image_format, extension
):
    data = profile_data(cast, logo=upload("mon logo.html", image_format))

    assert admin_client.post(reverse("cluster:profile_edit"), data).status_code == 302

    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.logo.name.startswith("clusters/logos/alpha-")
    assert cast.cluster_a.logo.name.endswith(f".{extension}")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CLUSTER_UPDATED)
    assert entry.details["changed"] == ["logo"]
    served = admin_client.get(reverse("clusters:logo", args=["alpha"]))
    assert served["Content-Type"].startswith("image/")
    assert served.content == image_bytes(image_format)


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (upload("logo.png", content=b"%PDF-1.4 pas une image"), "pas une image lisible"),
        (upload("logo.bmp", "BMP"), "Format BMP refusé"),
        (upload("logo.png", content=image_bytes()[:20]), "pas une image lisible"),
        (upload("gros.png", content=image_bytes() + b"0" * (1024 * 1024)), "1 Mo) au plus"),
        (
            upload("large.png", content=image_bytes(size=(4001, 1))),
            "4001 × 1 pixels : 4 000 × 4 000 pixels au plus",
        ),
        (upload("haut.png", content=png_header(5000, 5000)), "5000 × 5000 pixels : 4 000"),
        (upload("bombe.png", content=png_header(65535, 65535)), "bien trop grand : 4 000"),
    ],
)
def test_logo_refuses_what_is_not_a_small_image(admin_client, cast, file, message):
    response = admin_client.post(reverse("cluster:profile_edit"), profile_data(cast, logo=file))
    assert response.status_code == 200
    assert message in unescape(response.text)
    cast.cluster_a.refresh_from_db()
    assert not cast.cluster_a.logo


def test_logo_can_be_replaced_or_cleared_and_the_old_file_goes(
    admin_client, cast, django_capture_on_commit_callbacks
):
    url = reverse("cluster:profile_edit")
    admin_client.post(url, profile_data(cast, logo=upload()))
    cast.cluster_a.refresh_from_db()
    first = cast.cluster_a.logo.name
    storage = cast.cluster_a.logo.storage

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, profile_data(cast, logo=upload("b.gif", "GIF")))
    cast.cluster_a.refresh_from_db()
    second = cast.cluster_a.logo.name
    assert second.endswith(".gif")
    assert not storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, profile_data(cast, **{"logo-clear": "on"}))
    cast.cluster_a.refresh_from_db()
    assert not cast.cluster_a.logo
    assert not storage.exists(second)


def test_logo_url_is_versioned_and_cached_for_good_only_at_its_version(admin_client, cast):
    url = reverse("cluster:profile_edit")
    admin_client.post(url, profile_data(cast, logo=upload()))
    cast.cluster_a.refresh_from_db()
    first_url = cast.cluster_a.logo_url
    assert first_url.startswith(reverse("clusters:logo", args=["alpha"]) + "?v=")
    assert first_url in admin_client.get(reverse("cluster:profile")).text
    assert first_url in admin_client.get(reverse("clusters:public_detail", args=["alpha"])).text
    assert "immutable" in admin_client.get(first_url)["Cache-Control"]
    assert admin_client.get(reverse("clusters:logo", args=["alpha"]))["Cache-Control"] == (
        "no-cache"
    )

    admin_client.post(url, profile_data(cast, logo=upload("b.gif", "GIF")))
    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.logo_url != first_url
    assert admin_client.get(first_url)["Cache-Control"] == "no-cache"


def test_the_current_logo_links_to_the_served_logo_not_to_media(admin_client, cast):
    admin_client.post(reverse("cluster:profile_edit"), profile_data(cast, logo=upload()))
    cast.cluster_a.refresh_from_db()

    page = unescape(admin_client.get(reverse("cluster:profile_edit")).text)

    assert f'href="{cast.cluster_a.logo_url}"' in page
    assert cast.cluster_a.logo.name.rsplit("/", 1)[1] in page
    assert "/media/" not in page
    assert admin_client.get(cast.cluster_a.logo_url).status_code == 200
