"""The schema.org JobPosting of an offer page: Google's required fields,
the contract's employmentType, salary, remote work; safe inside <script>."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from ancrage.jobs import jsonld
from ancrage.jobs.factories import OfferSkillFactory, PublicationFactory
from ancrage.jobs.models import Offer
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory

pytestmark = pytest.mark.django_db

# https://developers.google.com/search/docs/appearance/structured-data/job-posting
GOOGLE_REQUIRED = {"title", "description", "datePosted", "hiringOrganization", "jobLocation"}

LD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def posting_on_page(client, offer):
    html = client.get(reverse("jobs_public:offer", args=[offer.pk])).content.decode()
    (text,) = LD_SCRIPT.findall(html)
    return json.loads(text)


def on_board(cluster, **fields):
    return PublicationFactory(
        cluster=cluster, **{f"offer__{k}": v for k, v in fields.items()}
    ).offer


def test_a_full_offer_has_googles_required_and_recommended_fields(client, cast):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    Organisation.objects.filter(pk=organisation.pk).update(website="https://usinage.example")
    offer = on_board(
        cast.cluster_a,
        organisation=organisation,
        title="Usineur",
        occupation=OccupationFactory(code="H2903"),
        salary_min=Decimal("30000"),
        salary_max=Decimal("36000.50"),
        expires_on=datetime.date(2099, 12, 31),
        start_date=datetime.date(2099, 1, 4),
        positions=3,
    )
    OfferSkillFactory(offer=offer, skill__label="Programmer une machine")
    data = posting_on_page(client, offer)
    assert set(data) >= GOOGLE_REQUIRED
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Usineur"
    assert data["datePosted"] == offer.published_on.isoformat()
    assert data["validThrough"] == "2099-12-31"
    assert data["jobStartDate"] == "2099-01-04"
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Usinage Alpha",
        "sameAs": "https://usinage.example",
    }
    commune = offer.commune
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": commune.name,
            "postalCode": commune.postal_codes[0],
            "addressRegion": commune.region.name,
            "addressCountry": "FR",
        },
    }
    assert "jobLocationType" not in data
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 30000,
            "maxValue": 36000.5,
            "unitText": "YEAR",
        },
    }
    assert data["occupationalCategory"] == "H2903"
    assert data["skills"] == ["Programmer une machine"]
    assert data["totalJobOpenings"] == 3
    assert data["directApply"] is True  # applied to on Ancrage
    assert data["url"].startswith(f"http://testserver/offres/{offer.pk}-usineur/")
    assert data["identifier"]["value"] == str(offer.pk)


def test_a_minimal_offer_still_has_the_required_fields(client, cast):
    offer = on_board(cast.cluster_a, commune__postal_codes=[])
    data = posting_on_page(client, offer)
    assert set(data) >= GOOGLE_REQUIRED
    assert all(data[key] for key in GOOGLE_REQUIRED)
    assert "postalCode" not in data["jobLocation"]["address"]
    for key in ("baseSalary", "validThrough", "occupationalCategory", "skills"):
        assert key not in data
    # The website of an organisation that does not publish it stays private.
    assert "sameAs" not in data["hiringOrganization"]


@pytest.mark.parametrize(
    ("contract", "working_time", "expected"),
    [
        ("cdi", "plein", "FULL_TIME"),
        ("cdi", "partiel", "PART_TIME"),
        ("cdd", "plein", ["TEMPORARY", "FULL_TIME"]),
        ("interim", "partiel", ["TEMPORARY", "PART_TIME"]),
        ("alternance", "plein", ["TEMPORARY", "FULL_TIME"]),
        ("vie", "plein", ["TEMPORARY", "FULL_TIME"]),
        ("stage", "plein", "INTERN"),
        ("freelance", "plein", "CONTRACTOR"),
    ],
)
def test_employment_type_from_the_contract(contract, working_time, expected):
    assert jsonld.employment_type(Offer(contract=contract, working_time=working_time)) == expected


@pytest.mark.parametrize(
    ("fields", "value"),
    [
        (
            {"salary_min": Decimal("11.65"), "salary_period": "heure"},
            {"value": 11.65, "unitText": "HOUR"},
        ),
        (
            {"salary_max": Decimal("2400"), "salary_period": "mois"},
            {"value": 2400, "unitText": "MONTH"},
        ),
        (
            {"salary_min": Decimal("2400"), "salary_max": Decimal("2400"), "salary_period": "mois"},
            {"value": 2400, "unitText": "MONTH"},
        ),
    ],
)
def test_base_salary_for_one_amount(fields, value):
    salary = jsonld.base_salary(Offer(**fields))
    assert salary["value"] == {"@type": "QuantitativeValue", **value}


def test_fully_remote_is_telecommute_open_to_france(client, cast):
    data = posting_on_page(client, on_board(cast.cluster_a, remote="complet"))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "FR"}
    data = posting_on_page(client, on_board(cast.cluster_a, remote="hybride"))
    assert "jobLocationType" not in data


def test_direct_apply_only_for_applications_on_the_platform(monkeypatch, cast):
    offer = on_board(cast.cluster_a, application_mode="plateforme")
    assert jsonld.APPLICATIONS_OPEN is True
    assert jsonld.job_posting(offer, "https://x")["directApply"] is True
    offer.application_mode = "courriel"
    assert jsonld.job_posting(offer, "https://x")["directApply"] is False
    offer.application_mode = "lien"
    assert jsonld.job_posting(offer, "https://x")["directApply"] is False
    monkeypatch.setattr(jsonld, "APPLICATIONS_OPEN", False)
    offer.application_mode = "plateforme"
    assert jsonld.job_posting(offer, "https://x")["directApply"] is False


def test_no_text_can_close_the_script_element(client, cast):
    offer = on_board(
        cast.cluster_a,
        title="</script><script>alert(1)</script>",
        description="<b>gras</b>\n</script><!-- & -->",
    )
    response = client.get(reverse("jobs_public:offer", args=[offer.pk]))
    html = response.content.decode()
    assert "alert(1)</script>" not in html
    assert "<!--" not in html
    data = posting_on_page(client, offer)
    assert data["title"] == "</script><script>alert(1)</script>"
    # The description is HTML: what the company typed is shown, not interpreted.
    assert data["description"] == (
        "<p>&lt;b&gt;gras&lt;/b&gt;<br>&lt;/script&gt;&lt;!-- &amp; --&gt;</p>"
    )


def test_script_tag_escapes_like_json_script():
    tag = jsonld.script_tag({"a": "</script><!--&"})
    assert tag == (
        '<script type="application/ld+json">'
        '{"a": "\\u003C/script\\u003E\\u003C!--\\u0026"}</script>'
    )
