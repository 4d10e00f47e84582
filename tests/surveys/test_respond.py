import datetime
import html as html_lib

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.gpec.models import OrganisationFigures
from ancrage.surveys import tokens
from ancrage.surveys.models import Invitee, Response, Status
from ancrage.surveys.views import respond_common
from tests.surveys.respond_world import make_world, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    return make_world(cast)


def text(page):
    return html_lib.unescape(page.content.decode())


def answer_url(world):
    return reverse("respond:answer", args=[world["token"]])


def draft_url(world):
    return reverse("respond:draft", args=[world["token"]])


def test_anyone_with_the_link_sees_the_form(client, world):
    page = client.get(answer_url(world))
    assert page.status_code == 200
    html = text(page)
    assert "Enquête RH annuelle" in html
    assert 'name="effectif"' in html and 'inputmode="decimal"' in html
    assert f'hx-post="{draft_url(world)}"' in html
    assert "Enregistrer le brouillon" in html
    # Enter in a field saves the draft: neither submits nor removes a table row.
    first_button = html[html.index('type="submit"') - 300 : html.index('type="submit"') + 80]
    assert 'name="save_draft"' in first_button


@pytest.mark.parametrize("token", ["abc", "forged:token:xyz"])
def test_a_forged_link_answers_a_french_404(client, world, token):
    page = client.get(reverse("respond:answer", args=[token]))
    assert page.status_code == 404
    assert "Ce lien n'est pas valide" in text(page)


def test_an_altered_or_removed_invitation_answers_404(client, world):
    altered = world["token"][:-2] + ("AA" if not world["token"].endswith("AA") else "BB")
    assert client.get(reverse("respond:answer", args=[altered])).status_code == 404
    unsubscribe = tokens.unsubscribe_token(world["invitee"])
    assert client.get(reverse("respond:answer", args=[unsubscribe])).status_code == 404
    Invitee.objects.filter(pk=world["invitee"].pk).delete()
    assert client.get(answer_url(world)).status_code == 404


def test_submitting_stores_freezes_and_feeds_the_gpec(client, world):
    page = client.post(answer_url(world), valid_post(world))
    assert page.status_code == 302
    assert page["Location"] == answer_url(world) + "?envoye=1"
    response = Response.objects.get(invitee=world["invitee"])
    assert response.state == Response.State.SUBMITTED
    assert response.answers == {
        "effectif": "42",
        "probleme": "recrut",
        "recrute": False,
        "postes": [{"metier_ligne": world["items"]["usineur"].pk, "ouverts": "2"}],
    }
    assert response.submitted_at is not None and response.answered_by is None
    assert response.draft == {}
    world["version"].refresh_from_db()
    assert world["version"].frozen_at is not None
    assert (
        OrganisationFigures.objects.get(source_key=f"survey-response:{response.pk}").headcount == 42
    )
    thanks = text(client.get(page["Location"]))
    closes = world["campaign"].ends_on
    assert "Merci, vos réponses sont enregistrées ; vous pouvez les modifier jusqu'au" in thanks
    assert str(closes.year) in thanks
    assert "Usineur (H2903)" in thanks
    again = text(client.get(answer_url(world)))
    assert 'value="42"' in again and "Vos réponses ont été envoyées le" in again


def test_bad_input_is_explained_and_kept(client, world):
    long_text = "x" * 10_000
    post = valid_post(
        world, effectif="douze", nom=long_text, commentaire=long_text, postes__0__ouverts="-3"
    )
    page = client.post(answer_url(world), post)
    assert page.status_code == 200
    html = text(page)
    assert "Saisissez un nombre, par exemple 12 ou 12,5 (« douze » n'en est pas un)." in html
    assert "Ce texte fait 10000 caractères, pour 300 au plus" in html
    assert "Ce texte fait 10000 caractères, pour 5000 au plus" in html
    assert "Saisissez un nombre supérieur ou égal à 0." in html
    assert 'value="douze"' in html and long_text in html
    response = Response.objects.get(invitee=world["invitee"])
    assert response.state == Response.State.DRAFT
    assert response.draft["effectif"] == "douze" and response.draft["nom"] == long_text
    assert "csrfmiddlewaretoken" not in response.draft and "revision" not in response.draft


def test_a_negative_headcount_is_refused(client, world):
    html = text(client.post(answer_url(world), valid_post(world, effectif="-5")))
    assert "Saisissez un nombre supérieur ou égal à 0." in html
    assert not Response.objects.filter(state=Response.State.SUBMITTED).exists()


def test_required_only_when_the_condition_is_met(client, world):
    shown = client.post(answer_url(world), valid_post(world, recrute="true"))
    assert shown.status_code == 200
    assert "Répondez à cette question : elle est obligatoire." in text(shown)
    hidden = client.post(answer_url(world), valid_post(world, recrute="false", combien="douze"))
    assert hidden.status_code == 302
    assert "combien" not in Response.objects.get().answers


def test_duplicate_occupations_name_both_lines(client, world):
    post = valid_post(world, postes__1__metier_ligne="H2903", postes__1__ouverts="1")
    html = text(client.post(answer_url(world), post))
    assert "Les lignes 1 et 2 portent le même métier « Usineur (H2903) »" in html


def test_a_row_needs_its_occupation(client, world):
    post = valid_post(world, postes__0__metier_ligne="")
    html = text(client.post(answer_url(world), post))
    assert "Choisissez le métier de cette ligne." in html


def test_adding_and_removing_rows_without_javascript(client, world):
    post = valid_post(world, row_action="add:postes")
    html = text(client.post(answer_url(world), post))
    # The filled row, the spare one and the added one; nothing submitted.
    assert 'name="postes__2__ouverts"' in html and 'name="postes__3__ouverts"' not in html
    assert 'value="2"' in html
    assert Response.objects.get().state == Response.State.DRAFT
    post = valid_post(world, row_action="remove:postes:0")
    html = text(client.post(answer_url(world), post))
    assert 'name="postes__0__ouverts"' not in html and 'name="postes__1__ouverts"' in html


def test_the_draft_button_saves_without_validating(client, world):
    post = valid_post(world, effectif="douze", save_draft="1")
    html = text(client.post(answer_url(world), post))
    assert "Brouillon enregistré à" in html and "Saisissez un nombre" not in html
    assert Response.objects.get().draft["effectif"] == "douze"
    # The draft is shown again, as typed.
    assert 'value="douze"' in text(client.get(answer_url(world)))


def test_autosave_in_one_select_and_one_write(client, world, django_assert_max_num_queries):
    client.get(answer_url(world))  # the CSRF cookie, as in a browser
    post = valid_post(world, effectif="12,5")
    client.post(draft_url(world), post, headers={"HX-Request": "true"})  # creates the response
    with django_assert_max_num_queries(2):
        page = client.post(
            draft_url(world), valid_post(world, effectif="13"), headers={"HX-Request": "true"}
        )
    assert "Brouillon enregistré à" in text(page)
    response = Response.objects.get()
    assert response.draft["effectif"] == "13" and response.revision == world["version"].revision
    world["version"].refresh_from_db()
    assert world["version"].frozen_at is not None  # frozen by the first draft


def test_autosave_refuses_a_huge_draft_with_a_message(client, world):
    post = valid_post(world, commentaire="x" * 310_000)
    page = client.post(draft_url(world), post, headers={"HX-Request": "true"})
    assert "le brouillon n'a pas pu être enregistré" in text(page)
    assert not Response.objects.exists()


def test_a_questionnaire_changed_while_typing_loses_nothing(client, world):
    client.post(draft_url(world), valid_post(world, nom="Avant"), headers={"HX-Request": "true"})
    version = world["version"]
    version.revision += 1
    version.save()
    world["questions"]["nom"].delete()  # the question disappears
    post = valid_post(world, nom="Après", revision=str(version.revision - 1))
    fragment = client.post(draft_url(world), post, headers={"HX-Request": "true"})
    assert "Le questionnaire a été modifié pendant votre saisie" in text(fragment)
    page = client.post(answer_url(world), post)
    assert page.status_code == 200
    assert "Le questionnaire a été modifié pendant votre saisie" in text(page)
    response = Response.objects.get()
    assert response.state == Response.State.DRAFT  # not submitted unseen
    assert response.draft["nom"] == "Après"
    # Saved again from the new form (without « nom »): the old answer stays in the draft.
    new_post = valid_post(world, keys="effectif probleme")
    new_post.pop("nom", None)
    client.post(draft_url(world), new_post, headers={"HX-Request": "true"})
    assert Response.objects.get().draft["nom"] == "Après"


def test_not_open_yet(client, world):
    campaign = world["campaign"]
    campaign.status = Status.SCHEDULED
    campaign.opens_on = timezone.localdate() + datetime.timedelta(days=3)
    campaign.save()
    html = text(client.get(answer_url(world)))
    assert "L'enquête ouvrira le" in html and 'name="effectif"' not in html


def test_closed_shows_the_answers_read_only(client, world):
    client.post(answer_url(world), valid_post(world))
    campaign = world["campaign"]
    campaign.status = Status.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save()
    html = text(client.get(answer_url(world)))
    assert "L'enquête est close depuis le" in html
    assert "Usineur (H2903)" in html and 'name="effectif"' not in html


def test_closed_while_typing(client, world):
    campaign = world["campaign"]
    campaign.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    campaign.opens_on = campaign.closes_on - datetime.timedelta(days=10)
    campaign.save()
    page = client.post(answer_url(world), valid_post(world, nom="Mes dernières saisies"))
    html = text(page)
    assert "vos dernières saisies n'ont pas pu être prises en compte" in html
    assert "Mes dernières saisies" in html and "Envoyer mes réponses" not in html
    response = Response.objects.get()
    assert (
        response.state == Response.State.DRAFT and response.draft["nom"] == "Mes dernières saisies"
    )
    fragment = client.post(draft_url(world), valid_post(world), headers={"HX-Request": "true"})
    assert "vos dernières saisies n'ont pas pu être prises en compte" in text(fragment)


def test_anonymous_posts_are_rate_limited(client, world, monkeypatch):
    monkeypatch.setattr(respond_common, "POST_LIMIT", 2)
    for _ in range(2):
        client.post(draft_url(world), valid_post(world), headers={"HX-Request": "true"})
    page = client.post(answer_url(world), valid_post(world))
    assert page.status_code == 429
    assert "Trop d'envois depuis votre adresse" in text(page)


def test_unsubscribe_a_non_member(client, world):
    invitee = Invitee.objects.create(
        campaign=world["campaign"], name="Externe SARL", email="rh@externe.fr"
    )
    url = reverse("respond:unsubscribe", args=[tokens.unsubscribe_token(invitee)])
    assert "Me désinscrire" in text(client.get(url))
    html = text(client.post(url))
    assert "Votre désinscription est enregistrée" in html
    invitee.refresh_from_db()
    assert invitee.unsubscribed_at is not None


def test_members_cannot_unsubscribe(client, world):
    url = reverse("respond:unsubscribe", args=[tokens.unsubscribe_token(world["invitee"])])
    html = text(client.post(url))
    assert "vous ne pouvez pas vous en désinscrire" in html
    world["invitee"].refresh_from_db()
    assert world["invitee"].unsubscribed_at is None
    answer_token = reverse("respond:unsubscribe", args=[world["token"]])
    assert client.get(answer_token).status_code == 404


def test_an_expired_link_answers_404(client, world, monkeypatch):
    monkeypatch.setattr(tokens, "MAX_AGE", -1)
    page = client.get(answer_url(world))
    assert page.status_code == 404
    assert "Ce lien n'est pas valide" in text(page)
    draft = client.post(draft_url(world), valid_post(world), headers={"HX-Request": "true"})
    assert draft.status_code == 404
    assert not Response.objects.exists()
