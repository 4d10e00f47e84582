"""The company's pipeline: its offers with their applications counted, an
offer's applications by state with filters and bulk moves, an
application's page (opening marks it seen and is audited; the candidate's
name, email, message escaped, cover letter, history, private notes,
moves); the offer screens show the counts. Another organisation's offers
and applications answer 404."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.files.factories import FileFactory
from ancrage.files.models import File
from ancrage.jobs import applications
from ancrage.jobs.factories import CandidateProfileFactory, OfferFactory
from ancrage.jobs.models import Application, ApplicationNote, ProfileView
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login
from tests.jobs.applications_setup import alpha, alpha_offer, application

pytestmark = pytest.mark.django_db

Status = Application.Status
SCRIPT = "<script>alert('x')</script>"


def close_file(response):
    """Close the file a download streams (without response.close(), which
    would close the test's database connection)."""
    for closer in response._resource_closers:
        closer()


def other(offer, **fields):
    """An application of another candidate to `offer`."""
    profile = CandidateProfileFactory(
        user__first_name=fields.pop("first_name", "Paul"),
        user__last_name=fields.pop("last_name", "Martin"),
        headline=fields.pop("headline", "Tourneur"),
    )
    return Application.objects.create(offer=offer, candidate=profile, **fields)


@pytest.fixture
def member(client, cast):
    return login(client, cast.member_a)


def test_the_index_counts_each_offers_applications(member, cast):
    offer = alpha_offer(cast)
    other(offer)
    other(offer, status=Status.SHORTLISTED)
    other(offer, status=Status.HIRED)
    OfferFactory(organisation=alpha(), title="Brouillon sans candidature")
    elsewhere = alpha_offer(cast, title="Offre d'un autre")
    elsewhere.organisation = OfferFactory().organisation
    elsewhere.save()
    response = member.get(reverse("jobs_pipeline:index"))
    html = response.content.decode()
    row = html.split("Usineur / usineuse 5 axes")[1].split("</tr>")[0]
    assert '<td class="text-end">3</td>' in row  # received
    assert "<strong>1</strong>" in row  # waiting
    assert "Brouillon sans candidature" not in html
    assert "Offre d&#x27;un autre" not in html


def test_the_offer_pipeline_has_a_tab_per_state_and_filters(member, cast):
    offer = alpha_offer(cast)
    other(offer, first_name="Léa", last_name="Dumas", headline="Usineuse")
    other(offer, status=Status.SHORTLISTED, cover_letter=FileFactory())
    url = reverse("jobs_pipeline:offer", args=[offer.pk])
    html = member.get(url).content.decode()
    assert "Léa Dumas" in html and "Paul Martin" in html
    assert 'Toutes <span class="badge text-bg-secondary">2</span>' in html
    assert 'Présélectionnée <span class="badge text-bg-secondary">1</span>' in html
    html = member.get(url, {"etat": "preselection"}).content.decode()
    assert "Paul Martin" in html and "Léa Dumas" not in html
    html = member.get(url, {"q": "dumas"}).content.decode()
    assert "Léa Dumas" in html and "Paul Martin" not in html
    html = member.get(url, {"lettre": "on"}).content.decode()
    assert "Paul Martin" in html and "Léa Dumas" not in html
    response = member.get(url, {"etat": "nimporte"})
    assert response.status_code == 200
    assert "Cet état n&#x27;existe pas." in response.content.decode()


def test_bulk_moves_the_checked_applications(member, cast):
    offer = alpha_offer(cast)
    first, second = other(offer), other(offer, status=Status.HIRED)
    untouched = other(offer)
    response = member.post(
        reverse("jobs_pipeline:bulk", args=[offer.pk]),
        {
            "applications": [first.pk, second.pk],
            "status": Status.SHORTLISTED,
            "email": "on",
            "query": "etat=nouvelle",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs_pipeline:offer", args=[offer.pk]) + (
        "?etat=nouvelle"
    )
    first.refresh_from_db()
    second.refresh_from_db()
    untouched.refresh_from_db()
    assert (first.status, second.status, untouched.status) == (
        Status.SHORTLISTED,
        Status.HIRED,
        Status.NEW,
    )
    assert OutgoingEmail.objects.filter(template="jobs_application_shortlisted").count() == 1
    page = member.get(response["Location"]).content.decode()
    assert "1 candidature passée à « présélectionnée ». 1 laissée telle quelle" in page


def test_bulk_refusal_needs_a_reason_and_nothing_moves_without(member, cast):
    offer = alpha_offer(cast)
    first = other(offer)
    url = reverse("jobs_pipeline:bulk", args=[offer.pk])
    response = member.post(url, {"applications": [first.pk], "status": Status.REFUSED})
    assert response.status_code == 200
    assert "Choisissez le motif du refus" in response.content.decode()
    response = member.post(url, {"status": Status.SEEN})
    assert "Cochez au moins une candidature." in response.content.decode()
    # An application of another offer cannot be slipped in.
    stranger = other(alpha_offer(cast, title="Autre"))
    response = member.post(url, {"applications": [stranger.pk], "status": Status.SEEN})
    assert "n&#x27;existe plus" in response.content.decode()
    first.refresh_from_db()
    stranger.refresh_from_db()
    assert first.status == stranger.status == Status.NEW
    response = member.post(
        url,
        {"applications": [first.pk], "status": Status.REFUSED, "reason": "competences"},
    )
    first.refresh_from_db()
    assert (first.status, first.refusal_reason) == (Status.REFUSED, "competences")
    # No email asked.
    assert not OutgoingEmail.objects.filter(template="jobs_application_refused").exists()
    assert first.events.get().email_subject == ""


def test_the_application_page_marks_seen_and_shows_everything_escaped(member, cast):
    item = application(cast, message=f"Bonjour {SCRIPT}", cover_letter=FileFactory())
    cast.candidate.first_name, cast.candidate.last_name = "Léa", "Dumas"
    cast.candidate.save()
    ApplicationNote.objects.create(application=item, author=cast.member_a, text="<b>Note</b>")
    html = member.get(reverse("jobs_pipeline:detail", args=[item.pk])).content.decode()
    assert "Léa Dumas" in html
    assert "candidat@exemple.fr" in html
    assert "Bonjour &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert SCRIPT not in html
    assert "&lt;b&gt;Note&lt;/b&gt;" in html
    assert reverse("jobs_pipeline:cover_letter", args=[item.pk]) in html
    assert "Présélectionner" in html and "Ne pas retenir" in html
    item.refresh_from_db()
    assert item.status == Status.SEEN
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW)
    assert entry.actor == cast.member_a
    assert entry.object_id == str(item.pk)


def test_moves_from_the_application_page(member, cast):
    item = application(cast)
    url = reverse("jobs_pipeline:move", args=[item.pk])
    response = member.post(url, {"status": Status.SHORTLISTED, "email": "on"})
    assert response.status_code == 302
    page = member.get(response["Location"]).content.decode()
    assert "La candidature est maintenant « présélectionnée ». Le candidat est prévenu" in page
    assert "Courriel envoyé :" in page
    response = member.post(url, {"status": Status.REFUSED})
    assert response.status_code == 200
    assert "Choisissez le motif du refus" in response.content.decode()
    response = member.post(url, {"status": "nimporte"})
    assert "Rien n'est changé" in response.content.decode()
    assert "Cet état n&#x27;existe pas." in response.content.decode()
    response = member.post(url, {"status": Status.NEW}, follow=True)
    assert "ne peut pas passer à « nouvelle »" in response.content.decode()
    member.post(url, {"status": Status.REFUSED, "reason": "lieu", "email": "on"})
    item.refresh_from_db()
    assert (item.status, item.refusal_reason) == (Status.REFUSED, "lieu")
    (email,) = OutgoingEmail.objects.filter(template="jobs_application_refused")
    assert "Le lieu de travail ne convient pas" in email.body_text
    html = member.get(reverse("jobs_pipeline:detail", args=[item.pk])).content.decode()
    assert "Ne pas retenir" not in html  # closed: no more moves


def test_notes_are_private_and_checked(member, cast, client):
    item = application(cast)
    url = reverse("jobs_pipeline:note", args=[item.pk])
    response = member.post(url, {"text": "  "})
    assert "La note est vide." in response.content.decode()
    member.post(url, {"text": "Rappeler jeudi"})
    assert item.notes.get().text == "Rappeler jeudi"
    login(client, cast.candidate)
    html = client.get(reverse("jobs_my_applications:list")).content.decode()
    assert "Rappeler jeudi" not in html


def test_downloads_of_the_cover_letter_and_cv_are_audited(member, cast):
    item = application(cast, cover_letter=FileFactory(name="lettre.pdf"))
    response = member.get(reverse("jobs_pipeline:cover_letter", args=[item.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    close_file(response)
    assert member.get(reverse("jobs_pipeline:cv", args=[item.pk])).status_code == 404
    profile = item.candidate
    profile.cv = FileFactory()
    profile.save()
    response = member.get(reverse("jobs_pipeline:cv", args=[item.pk]))
    assert response.status_code == 200
    close_file(response)
    assert ProfileView.objects.get().what == ProfileView.What.CV
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count() == 2
    bare = other(alpha_offer(cast, title="Autre"))
    assert member.get(reverse("jobs_pipeline:cover_letter", args=[bare.pk])).status_code == 404


def test_another_organisations_offer_or_application_is_404(member, cast):
    foreign = other(OfferFactory())
    for name, pk in [
        ("jobs_pipeline:offer", foreign.offer_id),
        ("jobs_pipeline:detail", foreign.pk),
        ("jobs_pipeline:cover_letter", foreign.pk),
        ("jobs_pipeline:cv", foreign.pk),
    ]:
        assert member.get(reverse(name, args=[pk])).status_code == 404
    for name, pk in [
        ("jobs_pipeline:bulk", foreign.offer_id),
        ("jobs_pipeline:move", foreign.pk),
        ("jobs_pipeline:note", foreign.pk),
    ]:
        assert member.post(reverse(name, args=[pk]), {"status": "vue"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Status.NEW


def test_the_offer_screens_show_the_counts(member, cast):
    offer = alpha_offer(cast)
    other(offer)
    other(offer, status=Status.INTERVIEW)
    html = member.get(reverse("jobs_company:list")).content.decode()
    assert "2 candidatures" in html and "dont 1 à traiter" in html
    assert reverse("jobs_pipeline:offer", args=[offer.pk]) in html
    html = member.get(reverse("jobs_company:detail", args=[offer.pk])).content.decode()
    assert "2 candidatures reçues" in html
    assert reverse("jobs_pipeline:offer", args=[offer.pk]) in html


def test_the_pipeline_reads_in_a_fixed_number_of_queries(
    member, cast, django_assert_max_num_queries
):
    offer = alpha_offer(cast)
    for _ in range(6):
        applications.add_note(other(offer), cast.member_a, "vu")
    with django_assert_max_num_queries(15):
        member.get(reverse("jobs_pipeline:offer", args=[offer.pk]))
    with django_assert_max_num_queries(15):
        member.get(reverse("jobs_pipeline:index"))
    with django_assert_max_num_queries(15):
        member.get(reverse("jobs_company:list"))


def test_a_withdrawn_application_no_longer_opens_the_candidates_files(member, cast):
    item = application(cast, cover_letter=FileFactory(name="lettre.pdf"))
    profile = item.candidate
    profile.cv = FileFactory()
    profile.save()
    Application.objects.filter(pk=item.pk).update(status=Status.WITHDRAWN)
    assert member.get(reverse("jobs_pipeline:cv", args=[item.pk])).status_code == 404
    assert member.get(reverse("jobs_pipeline:cover_letter", args=[item.pk])).status_code == 404
    assert not ProfileView.objects.exists()


def test_an_application_deleted_with_its_offer_takes_its_letter(
    cast, django_capture_on_commit_callbacks
):
    letter = FileFactory(name="lettre.pdf")
    storage, name = letter.file.storage, letter.file.name
    item = application(cast, cover_letter=letter)
    with django_capture_on_commit_callbacks(execute=True):
        item.offer.delete()
    assert not File.objects.filter(pk=letter.pk).exists()
    assert not storage.exists(name)
