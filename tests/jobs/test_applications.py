"""Applying and the application's life: one application per candidate and
offer, only to a visible offer applied to on Ancrage, with a profile that
has a headline or a CV; the steps the company and the candidate may take,
each in the history with the email sent; the apply page (cover letter
checked by content, message kept, HTML escaped) and the candidate's list."""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ancrage.files.factories import FileFactory, pdf_bytes
from ancrage.files.models import File
from ancrage.jobs import applications
from ancrage.jobs.models import Application, ApplicationEvent, CandidateProfile, Offer
from ancrage.organisations.factories import OrganisationUserFactory
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login
from tests.jobs.applications_setup import alpha, alpha_offer, application, candidate_profile

pytestmark = pytest.mark.django_db

Status = Application.Status
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def named(cast):
    cast.candidate.first_name, cast.candidate.last_name = "Léa", "Dumas"
    cast.candidate.save()
    return cast


def sent(template):
    return list(OutgoingEmail.objects.filter(template=template).order_by("to"))


# The service


def test_applying_records_the_application_and_tells_both_sides(named):
    cast = named
    OrganisationUserFactory(organisation=alpha(), user__email="rh@exemple.fr")
    offer = alpha_offer(cast)
    profile = candidate_profile(cast)
    created = applications.apply(offer, profile, "  Disponible dès lundi.  ")
    assert created.status == Status.NEW
    assert created.message == "Disponible dès lundi."
    (received,) = sent("jobs_application_received")
    assert received.to == "candidat@exemple.fr"
    assert received.subject == "Candidature envoyée : Usineur / usineuse 5 axes — Usinage Alpha"
    assert "/candidat/candidatures/" in received.body_text
    (event,) = created.events.all()
    assert (event.status, event.by, event.email_subject) == (
        Status.NEW,
        cast.candidate,
        received.subject,
    )
    company = sent("jobs_application_new")
    assert [email.to for email in company] == ["membre-a@exemple.fr", "rh@exemple.fr"]
    assert company[0].subject == "Nouvelle candidature : Usineur / usineuse 5 axes — Léa Dumas"
    assert "Disponible dès lundi." in company[0].body_text
    assert f"/organisation/candidatures/{created.pk}/" in company[0].body_text


def test_one_application_per_candidate_and_offer(cast):
    offer = alpha_offer(cast)
    profile = candidate_profile(cast)
    applications.apply(offer, profile, "")
    with pytest.raises(applications.Refused, match="Vous avez déjà postulé à cette offre le"):
        applications.apply(offer, profile, "encore")
    # Two requests at once: both pass the check, the constraint keeps one.
    with (
        mock.patch.object(applications, "existing", return_value=None),
        pytest.raises(applications.Refused, match="votre candidature est enregistrée"),
    ):
        applications.apply(offer, profile, "encore")
    assert Application.objects.count() == 1
    assert ApplicationEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"application_mode": "courriel", "application_email": "rh@x.fr"}, "ne reçoit pas"),
        ({"application_mode": "lien", "application_url": "https://x.fr"}, "ne reçoit pas"),
        ({"status": Offer.Status.FILLED}, "n'est plus en ligne"),
        ({"expires_on": datetime.date(2020, 1, 1)}, "n'est plus en ligne"),
    ],
)
def test_only_a_visible_offer_applied_to_on_ancrage(cast, fields, message):
    offer = alpha_offer(cast, **fields)
    with pytest.raises(applications.Refused, match=message):
        applications.apply(offer, candidate_profile(cast), "")
    assert not Application.objects.exists()


def test_the_profile_needs_a_headline_or_a_cv(cast):
    offer = alpha_offer(cast)
    with pytest.raises(applications.Refused, match="pas encore de profil"):
        applications.apply(offer, None, "")
    profile = candidate_profile(cast, headline="  ")
    with pytest.raises(applications.Refused, match="ni titre ni CV"):
        applications.apply(offer, profile, "")
    profile.cv = FileFactory()
    profile.save()
    assert applications.apply(offer, profile, "").status == Status.NEW


def test_the_company_moves_an_application_to_hired_with_an_email_at_each_step(cast):
    item = application(cast)
    applications.move(item, Status.SEEN, cast.member_a)
    assert not OutgoingEmail.objects.exists()  # seen: silent
    applications.move(item, Status.SHORTLISTED, cast.member_a)
    applications.move(item, Status.INTERVIEW, cast.member_a)
    applications.move(item, Status.HIRED, cast.member_a)
    item.refresh_from_db()
    assert item.status == Status.HIRED
    events = list(item.events.values_list("status", "email_subject"))
    assert events == [
        (Status.SEEN, ""),
        (
            Status.SHORTLISTED,
            "Votre candidature est présélectionnée : Usineur / usineuse 5 axes — Usinage Alpha",
        ),
        (Status.INTERVIEW, "Entretien : Usineur / usineuse 5 axes — Usinage Alpha"),
        (Status.HIRED, "Félicitations : Usinage Alpha vous recrute — Usineur / usineuse 5 axes"),
    ]
    assert [e.to for e in OutgoingEmail.objects.all()] == ["candidat@exemple.fr"] * 3
    with pytest.raises(applications.Refused, match="est close"):
        applications.move(item, Status.REFUSED, cast.member_a, reason="pourvu")


def test_refusal_needs_a_reason_whose_wording_the_candidate_reads(cast):
    item = application(cast)
    with pytest.raises(applications.Refused, match="motif"):
        applications.move(item, Status.REFUSED, cast.member_a)
    with pytest.raises(applications.Refused, match="motif"):
        applications.move(item, Status.REFUSED, cast.member_a, reason="nimporte")
    applications.move(item, Status.REFUSED, cast.member_a, reason="pourvu")
    item.refresh_from_db()
    assert (item.status, item.refusal_reason) == (Status.REFUSED, "pourvu")
    (email,) = sent("jobs_application_refused")
    assert "Le poste a été pourvu" in email.body_text
    assert item.events.get().email_subject == email.subject


def test_moves_not_allowed(cast):
    item = application(cast)
    with pytest.raises(applications.Refused, match="ne peut pas passer"):
        applications.move(item, Status.HIRED, cast.member_a)  # not shortlisted yet
    with pytest.raises(applications.Refused, match="ne peut pas passer"):
        applications.move(item, Status.NEW, cast.member_a)
    with pytest.raises(applications.Refused, match="n'existe pas"):
        applications.move(item, "embarque", cast.member_a)
    with pytest.raises(applications.Refused, match="Seul le candidat"):
        applications.move(item, Status.WITHDRAWN, cast.member_a)
    applications.move(item, Status.SHORTLISTED, cast.member_a, email=False)
    with pytest.raises(applications.Refused, match="ne peut pas passer"):
        applications.move(item, Status.SEEN, cast.member_a)  # no step back
    assert not OutgoingEmail.objects.exists()
    assert item.events.get().email_subject == ""


def test_the_candidate_withdraws_and_the_company_is_told(cast):
    item = application(cast, status=Status.INTERVIEW)
    applications.move(item, Status.WITHDRAWN, cast.candidate)
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
    (email,) = sent("jobs_application_withdrawn")
    assert email.to == "membre-a@exemple.fr"
    with pytest.raises(applications.Refused, match="est close"):
        applications.move(item, Status.REFUSED, cast.member_a, reason="autre")


def test_opening_marks_seen_once_without_email(cast):
    item = application(cast)
    assert applications.opened_by_company(item, cast.member_a)
    assert not applications.opened_by_company(item, cast.member_a)
    item.refresh_from_db()
    assert item.status == Status.SEEN
    assert item.events.count() == 1
    assert not OutgoingEmail.objects.exists()


def test_bulk_move_skips_what_cannot_move(cast):
    offer = alpha_offer(cast)
    first = application(cast, offer=offer)
    second = application(cast, offer=offer, candidate=candidate_profile_of_other())
    third = application(
        cast, offer=offer, candidate=candidate_profile_of_other(), status=Status.HIRED
    )
    moved, skipped = applications.bulk_move(
        [first, second, third], Status.REFUSED, cast.member_a, reason="competences"
    )
    assert (moved, skipped) == (2, 1)
    assert len(sent("jobs_application_refused")) == 2
    third.refresh_from_db()
    assert third.status == Status.HIRED


def candidate_profile_of_other():
    from ancrage.jobs.factories import CandidateProfileFactory

    return CandidateProfileFactory()


def test_notes(cast):
    item = application(cast)
    with pytest.raises(applications.Refused, match="vide"):
        applications.add_note(item, cast.member_a, "   ")
    note = applications.add_note(item, cast.member_a, " À rappeler jeudi ")
    assert note.text == "À rappeler jeudi"


# The apply page


def apply_url(offer):
    return reverse("jobs_apply:apply", args=[offer.pk])


def test_the_apply_page_shows_the_profile_sent_and_applies(client, named):
    cast = named
    offer = alpha_offer(cast)
    candidate_profile(cast, summary="Cinq ans en atelier.")
    login(client, cast.candidate)
    html = client.get(apply_url(offer)).content.decode()
    assert "Le profil envoyé à l'entreprise" in html
    assert "Léa Dumas" in html
    assert "candidat@exemple.fr" in html
    assert "Usineuse confirmée" in html
    assert "Cinq ans en atelier." in html
    response = client.post(
        apply_url(offer),
        {
            "message": f"Bonjour {SCRIPT}",
            "cover_letter": SimpleUploadedFile(
                "lettre.pdf", pdf_bytes("Madame, Monsieur"), content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs_my_applications:list")
    item = Application.objects.get()
    assert item.message == f"Bonjour {SCRIPT}"
    assert item.cover_letter.name == "lettre.pdf"
    assert item.cover_letter.uploaded_by == cast.candidate
    # Emails are plain text: the message typed is shown as typed, never read as HTML.
    (company,) = sent("jobs_application_new")
    assert f"Bonjour {SCRIPT}" in company.body_text
    assert company.body_html == ""
    page = client.get(response["Location"]).content.decode()
    assert "Votre candidature est envoyée à Usinage Alpha" in page
    assert "Usineur / usineuse 5 axes" in page
    # Applying again: the page says it is done.
    html = client.get(apply_url(offer)).content.decode()
    assert "Vous avez déjà postulé à cette offre le" in html
    response = client.post(apply_url(offer), {"message": "encore"})
    assert response.status_code == 200
    assert "Candidature déjà envoyée" in response.content.decode()
    assert Application.objects.count() == 1


def test_a_word_file_renamed_pdf_is_refused_and_the_message_kept(client, cast):
    offer = alpha_offer(cast)
    candidate_profile(cast)
    login(client, cast.candidate)
    docx = b"PK\x03\x04" + b"\x00" * 200 + b"word/document.xml"
    response = client.post(
        apply_url(offer),
        {
            "message": "Mon message <b>important</b>",
            "cover_letter": SimpleUploadedFile("lettre.pdf", docx, content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce fichier n&#x27;est pas un PDF" in html
    assert "Votre candidature n'est pas envoyée" in html
    assert "Mon message &lt;b&gt;important&lt;/b&gt;</textarea>" in html
    assert not Application.objects.exists()
    assert not File.objects.exists()


def test_a_too_long_message_is_refused_with_a_french_message(client, cast):
    offer = alpha_offer(cast)
    candidate_profile(cast)
    login(client, cast.candidate)
    response = client.post(apply_url(offer), {"message": "x" * 5001})
    assert "Le message compte 5 000 caractères au plus." in response.content.decode()
    assert not Application.objects.exists()


def test_the_apply_page_explains_what_stops_the_candidate(client, cast):
    login(client, cast.candidate)
    offer = alpha_offer(cast)
    html = client.get(apply_url(offer)).content.decode()
    assert "Complétez votre profil pour postuler" in html
    assert "pas encore de profil" in html
    candidate_profile(cast, headline="")
    html = client.get(apply_url(offer)).content.decode()
    assert "ni titre ni CV" in html
    by_email = alpha_offer(cast, application_mode="courriel", application_email="rh@x.fr")
    html = client.get(apply_url(by_email)).content.decode()
    assert "ne reçoit pas de candidature sur Ancrage" in html
    hidden = alpha_offer(cast, status=Offer.Status.CLOSED)
    assert client.get(apply_url(hidden)).status_code == 404
    assert client.get(reverse("jobs_apply:apply", args=[999999])).status_code == 404


def test_a_company_user_is_told_to_use_a_candidate_account(client, cast):
    offer = alpha_offer(cast)
    login(client, cast.member_a)
    response = client.get(apply_url(offer))
    assert response.status_code == 403
    assert "Seul un candidat peut postuler" in response.content.decode()
    assert client.post(apply_url(offer), {"message": "x"}).status_code == 403
    assert not Application.objects.exists()


def test_a_visitor_logs_in_and_comes_back(client, cast):
    offer = alpha_offer(cast)
    response = client.get(apply_url(offer))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert f"next=%2Foffres%2F{offer.pk}%2Fpostuler%2F" in response["Location"]


# The candidate's list


def test_the_candidate_sees_status_dates_and_an_offer_gone(client, cast):
    profile = candidate_profile(cast)
    live = application(cast, candidate=profile, status=Status.REFUSED, refusal_reason="experience")
    gone = application(cast, candidate=profile, offer=alpha_offer(cast, title="Soudeur TIG"))
    Offer.objects.filter(pk=gone.offer_id).update(status=Offer.Status.FILLED)
    other = application(cast, candidate=candidate_profile_of_other(), offer=live.offer)
    login(client, cast.candidate)
    html = client.get(reverse("jobs_my_applications:list")).content.decode()
    assert "Non retenue" in html
    assert "L&#x27;expérience ne correspond pas au poste" in html
    assert "Soudeur TIG" in html
    assert "Cette offre n'est plus en ligne." in html
    assert f'href="/offres/{live.offer_id}-' in html
    assert f'href="/offres/{gone.offer_id}-' not in html
    assert f"/candidat/candidatures/{other.pk}/" not in html
    assert f"/candidat/candidatures/{live.pk}/" not in html  # refused: closed


def test_the_candidate_withdraws_an_open_application(client, cast):
    item = application(cast)
    login(client, cast.candidate)
    url = reverse("jobs_my_applications:withdraw", args=[item.pk])
    assert "Retirer votre candidature" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
    assert len(sent("jobs_application_withdrawn")) == 1
    html = client.post(url).content.decode()
    assert "ne peut plus être retirée" in html


def test_no_profile_no_applications(client, cast):
    login(client, cast.candidate)
    html = client.get(reverse("jobs_my_applications:list")).content.decode()
    assert "Vous n'avez encore postulé à aucune offre." in html
    assert not CandidateProfile.objects.exists()


def test_the_candidate_list_reads_in_a_fixed_number_of_queries(
    client, cast, django_assert_max_num_queries
):
    profile = candidate_profile(cast)
    for _ in range(5):
        item = application(cast, candidate=profile)
        applications.move(item, Status.SEEN, cast.member_a)
    login(client, cast.candidate)
    with django_assert_max_num_queries(12):
        client.get(reverse("jobs_my_applications:list"))
