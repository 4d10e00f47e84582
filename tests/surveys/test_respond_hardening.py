"""What a personal link's pages do with hostile input: NUL characters, out
of range revisions, drafts grown post after post, and accounts posting too
often. None of it gives a 500; nothing typed by a real person is lost."""

import pytest
from django.urls import reverse

from ancrage.surveys.models import Response
from ancrage.surveys.views import respond_common
from tests.cast import login
from tests.surveys.respond_world import make_world, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    return make_world(cast)


def draft_url(world):
    return reverse("respond:draft", args=[world["token"]])


HTMX = {"HX-Request": "true"}


def test_nul_characters_are_dropped_from_drafts_and_answers(client, world):
    page = client.post(draft_url(world), {**valid_post(world), "effectif": "4\x002"}, headers=HTMX)
    assert page.status_code == 200
    assert Response.objects.get().draft["effectif"] == "42"
    page = client.post(
        reverse("respond:answer", args=[world["token"]]), {**valid_post(world), "nom": "a\x00"}
    )
    assert page.status_code in (200, 302)


@pytest.mark.parametrize("revision", ["-5", "9999999999999", "1e3", ""])
def test_out_of_range_revisions_are_ignored(client, world, revision):
    page = client.post(draft_url(world), {**valid_post(world), "revision": revision}, headers=HTMX)
    assert page.status_code == 200
    assert Response.objects.get().revision == 0


def test_a_draft_does_not_grow_past_the_limit_post_after_post(client, world):
    filler = "x" * 2_900
    for post in range(5):
        junk = {f"junk{post}_{index}": filler for index in range(100)}
        page = client.post(
            draft_url(world), {**valid_post(world), "keys": "effectif", **junk}, headers=HTMX
        )
        assert page.status_code == 200
    draft = Response.objects.get().draft
    assert respond_common.draft_size(draft) <= respond_common.MAX_DRAFT
    assert draft["effectif"] == "42"  # the latest typing is always kept


def test_accounts_are_rate_limited_too(client, world, cast, monkeypatch):
    monkeypatch.setattr(respond_common, "POST_LIMIT", 2)
    login(client, cast.member_a)
    statuses = [
        client.post(draft_url(world), valid_post(world), headers=HTMX).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
