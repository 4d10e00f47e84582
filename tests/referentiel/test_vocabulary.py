"""A cluster's vocabulary: the operations (add, rename, merge, move, remove)
and the staff screen that drives them."""

from html import unescape

import pytest
from django.apps import apps
from django.db import connection, models
from django.test import RequestFactory
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.referentiel import vocabulary as operations
from ancrage.referentiel.factories import (
    OccupationFactory,
    SkillFactory,
    VocabularyEntryFactory,
)
from ancrage.referentiel.models import VocabularyEntry
from ancrage.referentiel.vocabulary import VocabularyError
from ancrage.referentiel.vocabulary_forms import OwnItemForm
from tests.cast import login

OCCUPATION = VocabularyEntry.Kind.OCCUPATION
SKILL = VocabularyEntry.Kind.SKILL
HTMX = {"HTTP_HX_REQUEST": "true"}
LIST = reverse("vocabulary:list")


@pytest.fixture
def request_a(cast):
    request = RequestFactory().post("/")
    request.user = cast.staff_a
    return request


@pytest.fixture
def rome(db):
    return {
        "usinage": OccupationFactory(
            code="H2903", label="Conducteur / Conductrice d'équipement d'usinage"
        ),
        "soudage": OccupationFactory(code="H2913", label="Soudeur / Soudeuse"),
        "chaudronnerie": OccupationFactory(code="H2902", label="Chaudronnier / Chaudronnière"),
        "souder": SkillFactory(label="Souder des pièces métalliques"),
    }


def entry(cluster, position, **kwargs):
    return VocabularyEntryFactory(cluster=cluster, position=position, **kwargs)


def positions(cluster, kind=OCCUPATION):
    return list(
        VocabularyEntry.objects.filter(cluster=cluster, kind=kind)
        .order_by("position", "id")
        .values_list("position", flat=True)
    )


def labels(cluster, kind=OCCUPATION):
    return [e.display_label for e in operations.entries(cluster, kind)]


def actions(cluster):
    return list(
        AuditEntry.objects.filter(cluster_id=cluster.pk)
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )


@pytest.fixture
def probes(db):
    """Three models of « later apps » pointing to VocabularyEntry: a foreign
    key, a one-to-one and a many-to-many. Registered for one test only."""

    class Usage(models.Model):  # noqa: DJ008 (scaffolding, never shown)
        entry = models.ForeignKey(VocabularyEntry, on_delete=models.PROTECT)
        note = models.CharField(max_length=20)

        class Meta:
            app_label = "referentiel"

    class Highlight(models.Model):  # noqa: DJ008 (scaffolding, never shown)
        entry = models.OneToOneField(VocabularyEntry, on_delete=models.CASCADE)

        class Meta:
            app_label = "referentiel"

    class Basket(models.Model):  # noqa: DJ008 (scaffolding, never shown)
        entries = models.ManyToManyField(VocabularyEntry)

        class Meta:
            app_label = "referentiel"

    created = [Usage, Highlight, Basket]
    with connection.schema_editor() as editor:
        for model in created:
            editor.create_model(model)
    VocabularyEntry._meta._expire_cache()
    yield Usage, Highlight, Basket
    registered = apps.all_models["referentiel"]
    for name in ("usage", "highlight", "basket", "basket_entries"):
        registered.pop(name, None)
    apps.clear_cache()
    VocabularyEntry._meta._expire_cache()


class TestOperations:
    def test_add_appends_at_the_end_and_is_audited(self, cast, rome, request_a):
        entry(cast.cluster_a, 1, occupation=rome["soudage"])
        added = operations.add_rome_item(request_a, cast.cluster_a, rome["usinage"])
        assert added.position == 2
        assert added.label == ""
        assert added.created_by == cast.staff_a
        skill = operations.add_rome_item(request_a, cast.cluster_a, rome["souder"])
        assert skill.kind == SKILL
        assert skill.position == 1
        record = AuditEntry.objects.filter(action="vocabulary.add").order_by("id").first()
        assert record.cluster_id == cast.cluster_a.pk
        assert record.actor == cast.staff_a
        assert record.details == {"kind": "occupation", "rome": "H2903"}

    def test_the_same_rome_item_twice_is_refused(self, cast, rome, request_a):
        entry(cast.cluster_a, 1, occupation=rome["soudage"], label="Soudeur naval")
        with pytest.raises(VocabularyError) as refused:
            operations.add_rome_item(request_a, cast.cluster_a, rome["soudage"])
        assert str(refused.value) == (
            "« Soudeur / Soudeuse (H2913) » est déjà dans le vocabulaire, "
            "sous le nom « Soudeur naval »."
        )
        # Another cluster may have it.
        operations.add_rome_item(request_a, cast.cluster_b, rome["soudage"])
        assert VocabularyEntry.objects.filter(occupation=rome["soudage"]).count() == 2

    def test_own_item_linked_to_rome_and_names_unique_in_a_list(self, cast, rome, request_a):
        shaper = operations.add_own_item(
            request_a, cast.cluster_a, OCCUPATION, "  Shaper ", rome["chaudronnerie"]
        )
        assert (shaper.label, shaper.occupation, shaper.position) == (
            "Shaper",
            rome["chaudronnerie"],
            1,
        )
        with pytest.raises(VocabularyError, match="« Shaper » est déjà dans la liste"):
            operations.add_own_item(request_a, cast.cluster_a, OCCUPATION, "SHÂPER")
        # Same name, other list: allowed.
        operations.add_own_item(request_a, cast.cluster_a, SKILL, "Shaper")
        with pytest.raises(VocabularyError, match="même nature"):
            operations.add_own_item(request_a, cast.cluster_a, SKILL, "Glaçage", rome["usinage"])
        with pytest.raises(VocabularyError, match="Donnez un nom"):
            operations.add_own_item(request_a, cast.cluster_a, OCCUPATION, "   ")
        with pytest.raises(VocabularyError, match="250 au plus"):
            operations.add_own_item(request_a, cast.cluster_a, OCCUPATION, "x" * 251)

    @pytest.mark.parametrize(
        "label", ["\u200b", "\ufeff", " \u200b\u200d ", "\u202e", "---", "\u0301"]
    )
    def test_a_name_without_letter_or_digit_is_refused(self, cast, rome, request_a, label):
        with pytest.raises(VocabularyError) as refused:
            operations.add_own_item(request_a, cast.cluster_a, OCCUPATION, label)
        assert str(refused.value) == "Le nom doit contenir au moins une lettre ou un chiffre."
        soudage = entry(cast.cluster_a, 1, occupation=rome["soudage"], label="Soudeur naval")
        with pytest.raises(VocabularyError, match="au moins une lettre ou un chiffre"):
            operations.rename(request_a, soudage, label)
        soudage.refresh_from_db()
        assert soudage.label == "Soudeur naval"
        assert VocabularyEntry.objects.count() == 1

    def test_invisible_characters_are_left_out_of_a_name(self, cast, rome, request_a):
        shaper = operations.add_own_item(
            request_a, cast.cluster_a, OCCUPATION, "\ufeffSha\u200bper\u00ad \u200e naval"
        )
        assert shaper.label == "Shaper naval"
        # Invisible characters do not make another name either.
        with pytest.raises(VocabularyError, match="« Shaper naval » est déjà dans la liste"):
            operations.add_own_item(request_a, cast.cluster_a, OCCUPATION, "Shaper\u200b naval")

    def test_rename_and_back_to_the_official_name(self, cast, rome, request_a):
        soudage = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        operations.rename(request_a, soudage, "Soudeur naval")
        soudage.refresh_from_db()
        assert soudage.display_label == "Soudeur naval"
        operations.rename(request_a, soudage, "")
        soudage.refresh_from_db()
        assert soudage.label == ""
        assert soudage.display_label == "Soudeur / Soudeuse"
        renames = AuditEntry.objects.filter(action="vocabulary.rename").order_by("id")
        assert [r.details for r in renames] == [
            {"kind": "occupation", "previous": "", "label": "Soudeur naval"},
            {"kind": "occupation", "previous": "Soudeur naval", "label": ""},
        ]

    def test_rename_refusals(self, cast, rome, request_a):
        own = entry(cast.cluster_a, 1, occupation=None, label="Shaper")
        soudage = entry(cast.cluster_a, 2, occupation=rome["soudage"])
        with pytest.raises(VocabularyError, match="donnez-lui un nom"):
            operations.rename(request_a, own, "")
        with pytest.raises(VocabularyError, match="« Shaper » est déjà dans la liste"):
            operations.rename(request_a, soudage, "shaper")
        # The official name typed again is no local name.
        operations.rename(request_a, soudage, "Soudeur / Soudeuse")
        soudage.refresh_from_db()
        assert soudage.label == ""
        assert not AuditEntry.objects.filter(action="vocabulary.rename").exists()

    def test_merge_keeps_names_takes_the_link_and_repoints_every_row(
        self, cast, rome, request_a, probes
    ):
        usage_model, highlight_model, basket_model = probes
        first = entry(cast.cluster_a, 1, occupation=rome["usinage"])
        keep = entry(cast.cluster_a, 2, occupation=None, label="Shaper", aliases=["Shapeur"])
        remove = entry(
            cast.cluster_a, 3, occupation=rome["chaudronnerie"], label="Façonnier de planches"
        )
        remove.aliases = ["Faconnier"]
        remove.save()
        last = entry(cast.cluster_a, 4, occupation=rome["soudage"])
        usages = [usage_model.objects.create(entry=remove, note=str(n)) for n in range(3)]
        usage_model.objects.create(entry=keep, note="kept")
        highlight = highlight_model.objects.create(entry=remove)
        both = basket_model.objects.create()
        both.entries.set([keep, remove])
        only_removed = basket_model.objects.create()
        only_removed.entries.set([remove])

        merged = operations.merge(request_a, keep, remove)

        assert not VocabularyEntry.objects.filter(pk=remove.pk).exists()
        merged.refresh_from_db()
        assert merged.label == "Shaper"
        assert merged.aliases == ["Shapeur", "Façonnier de planches", "Faconnier"]
        assert merged.occupation == rome["chaudronnerie"]  # taken: it had none
        for usage in usages:
            usage.refresh_from_db()
            assert usage.entry_id == keep.pk
        assert usage_model.objects.filter(entry=keep).count() == 4
        highlight.refresh_from_db()
        assert highlight.entry_id == keep.pk
        assert list(both.entries.all()) == [merged]
        assert list(only_removed.entries.all()) == [merged]
        assert positions(cast.cluster_a) == [1, 2, 3]
        assert labels(cast.cluster_a) == [
            "Conducteur / Conductrice d'équipement d'usinage",
            "Shaper",
            "Soudeur / Soudeuse",
        ]
        first.refresh_from_db()
        last.refresh_from_db()
        assert (first.position, last.position) == (1, 3)
        record = AuditEntry.objects.get(action="vocabulary.merge")
        assert record.object_id == str(keep.pk)
        assert record.details == {
            "kind": "occupation",
            "removed": "Façonnier de planches",
            "removed_id": remove.pk,
            "took_link": True,
            "repointed": 5,  # the basket holding both keeps one link
        }

    def test_merge_keeps_the_link_of_the_kept_entry(self, cast, rome, request_a):
        keep = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        remove = entry(cast.cluster_a, 2, occupation=rome["chaudronnerie"])
        merged = operations.merge(request_a, keep, remove)
        assert merged.occupation == rome["soudage"]
        assert merged.aliases == ["Chaudronnier / Chaudronnière"]

    def test_merge_refusals_change_nothing(self, cast, rome, request_a, probes):
        _usage, highlight_model, _basket = probes
        keep = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        remove = entry(cast.cluster_a, 2, occupation=rome["chaudronnerie"])
        skill = entry(cast.cluster_a, 1, for_skill=True)
        other = entry(cast.cluster_b, 1, occupation=rome["usinage"])
        with pytest.raises(VocabularyError, match="deux éléments différents"):
            operations.merge(request_a, keep, keep)
        with pytest.raises(VocabularyError, match="même liste"):
            operations.merge(request_a, keep, skill)
        with pytest.raises(VocabularyError, match="même liste"):
            operations.merge(request_a, keep, other)
        # A one-to-one already held by both: refused, not half-done.
        highlight_model.objects.create(entry=keep)
        highlight_model.objects.create(entry=remove)
        with pytest.raises(VocabularyError, match="La fusion est impossible"):
            operations.merge(request_a, keep, remove)

    def test_merge_refused_midway_rolls_back(self, cast, rome, request_a, probes):
        usage_model, highlight_model, _basket = probes
        keep = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        remove = entry(cast.cluster_a, 2, occupation=rome["chaudronnerie"])
        usage = usage_model.objects.create(entry=remove, note="x")
        highlight_model.objects.create(entry=keep)
        highlight_model.objects.create(entry=remove)
        with pytest.raises(VocabularyError):
            operations.merge(request_a, keep, remove)
        usage.refresh_from_db()
        assert usage.entry_id == remove.pk
        keep.refresh_from_db()
        assert keep.aliases == []
        assert not AuditEntry.objects.filter(action="vocabulary.merge").exists()

    def test_move_swaps_neighbours_and_keeps_positions_dense(self, cast, rome, request_a):
        # Positions with gaps (an old import): the first move makes them dense.
        a = entry(cast.cluster_a, 5, occupation=rome["usinage"])
        b = entry(cast.cluster_a, 9, occupation=rome["soudage"])
        c = entry(cast.cluster_a, 20, occupation=rome["chaudronnerie"])
        operations.move(request_a, c, operations.UP)
        assert [e.pk for e in operations.entries(cast.cluster_a, OCCUPATION)] == [a.pk, c.pk, b.pk]
        assert positions(cast.cluster_a) == [1, 2, 3]
        operations.move(request_a, a, operations.UP)  # already first: nothing
        operations.move(request_a, a, operations.DOWN)
        assert [e.pk for e in operations.entries(cast.cluster_a, OCCUPATION)] == [c.pk, a.pk, b.pk]
        moves = AuditEntry.objects.filter(action="vocabulary.move").order_by("id")
        assert [m.details for m in moves] == [
            {"kind": "occupation", "direction": "up", "position": 2},
            {"kind": "occupation", "direction": "down", "position": 2},
        ]

    def test_remove_renumbers_and_refuses_an_entry_in_use(self, cast, rome, request_a, probes):
        usage_model, _highlight, _basket = probes
        a = entry(cast.cluster_a, 1, occupation=rome["usinage"])
        b = entry(cast.cluster_a, 2, occupation=rome["soudage"])
        c = entry(cast.cluster_a, 3, occupation=rome["chaudronnerie"])
        usage_model.objects.create(entry=c, note="x")
        operations.remove(request_a, a)
        assert positions(cast.cluster_a) == [1, 2]
        with pytest.raises(VocabularyError, match="utilisé par 1 donnée"):
            operations.remove(request_a, c)
        assert VocabularyEntry.objects.filter(pk=c.pk).exists()
        record = AuditEntry.objects.get(action="vocabulary.remove")
        assert record.details == {"kind": "occupation", "label": a.display_label}
        b.refresh_from_db()
        assert b.position == 1

    def test_an_entry_removed_meanwhile_is_a_clear_message(self, cast, rome, request_a):
        gone = entry(cast.cluster_a, 1, occupation=rome["usinage"])
        VocabularyEntry.objects.filter(pk=gone.pk).delete()
        with pytest.raises(VocabularyError, match="n'est plus dans le vocabulaire"):
            operations.rename(request_a, gone, "x")


@pytest.fixture
def staff_client(client, cast):
    return login(client, cast.staff_a)


def page_text(response):
    return unescape(response.content.decode())


class TestScreen:
    def test_the_page_shows_both_lists_with_counts_and_official_names(
        self, staff_client, cast, rome
    ):
        entry(cast.cluster_a, 1, occupation=rome["soudage"], label="Soudeur naval")
        entry(cast.cluster_a, 2, occupation=None, label="Shaper", aliases=["Shapeur"])
        entry(cast.cluster_a, 1, skill=rome["souder"], occupation=None, kind=SKILL)
        entry(cast.cluster_b, 1, occupation=rome["chaudronnerie"], label="Chez Bêta")
        response = staff_client.get(LIST)
        html = page_text(response)
        assert "Vocabulaire de Cluster Alpha" in html
        assert "Métiers (2)" in html
        assert "Compétences (1)" in html
        assert "Soudeur naval" in html
        assert "Soudeur / Soudeuse" in html and "H2913" in html
        assert "propre au cluster" in html
        assert "Shapeur" in html
        assert "Souder des pièces métalliques" in html
        assert "Chez Bêta" not in html
        assert 'role="combobox"' in html
        assert "/referentiel/suggestions/?" in html

    def test_search_within_the_lists(self, staff_client, cast, rome):
        entry(cast.cluster_a, 1, occupation=rome["soudage"], label="Soudeur naval")
        entry(cast.cluster_a, 2, occupation=rome["usinage"])
        entry(cast.cluster_a, 3, occupation=None, label="Shaper", aliases=["Façonneur"])
        for query, shown, hidden in [
            ("naval", "Soudeur naval", "Shaper"),
            ("SOUDEUSE", "Soudeur naval", "Shaper"),  # the official name counts too
            ("h2903", "équipement d'usinage", "Shaper"),
            ("faconneur", "Shaper", "Soudeur naval"),
        ]:
            html = page_text(staff_client.get(LIST, {"q": query}))
            assert "1 élément correspond" in html, query
            assert shown in html and f"Renommer « {hidden} »" not in html, query
        html = page_text(staff_client.get(LIST, {"q": "zzz\x00" + "x" * 500}))
        assert "Aucun élément de cette liste ne correspond" in html

    def test_add_a_rome_occupation_by_its_code(self, staff_client, cast, rome):
        response = staff_client.post(
            reverse("vocabulary:add", args=["metiers"]), {"occupation-add-item": "h2903"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/cluster/vocabulaire/#metiers"
        added = VocabularyEntry.objects.get(cluster=cast.cluster_a)
        assert added.occupation == rome["usinage"]
        assert actions(cast.cluster_a) == ["vocabulary.add"]
        html = page_text(staff_client.get(LIST))
        assert (
            "« Conducteur / Conductrice d'équipement d'usinage » est ajouté à la liste (n° 1)"
            in html
        )

    def test_the_cluster_audit_log_tells_vocabulary_changes_in_french(
        self, staff_client, cast, rome
    ):
        staff_client.post(
            reverse("vocabulary:add", args=["metiers"]), {"occupation-add-item": "h2903"}
        )
        html = page_text(staff_client.get(reverse("cluster:audit")))
        assert "ajout au vocabulaire" in html
        assert "nature : métier" in html
        assert ">vocabulary.add<" not in html

    def test_add_with_htmx_answers_the_section_and_the_live_region(self, staff_client, cast, rome):
        response = staff_client.post(
            reverse("vocabulary:add", args=["metiers"]),
            {
                "occupation-add-item": "Soudeur / Soudeuse (H2913)",
                "occupation-add-item_code": "H2913",
            },
            **HTMX,
        )
        html = page_text(response)
        assert '<section id="metiers"' in html
        assert 'hx-swap-oob="innerHTML"' in html
        assert "« Soudeur / Soudeuse » est ajouté à la liste (n° 1)." in html
        assert "<html" not in html

    def test_a_duplicate_is_refused_in_french_and_the_text_is_kept(self, staff_client, cast, rome):
        entry(cast.cluster_a, 1, occupation=rome["soudage"])
        url = reverse("vocabulary:add", args=["metiers"])
        response = staff_client.post(url, {"occupation-add-item": "H2913"}, **HTMX)
        html = page_text(response)
        assert "« Soudeur / Soudeuse (H2913) » est déjà dans le vocabulaire." in html
        assert 'value="H2913"' in html
        assert "autofocus" in html
        # Without JavaScript: the whole page, with the error and the text.
        response = staff_client.post(url, {"occupation-add-item": "H2913"})
        assert response.status_code == 200
        html = page_text(response)
        assert "<h1>" in html and "est déjà dans le vocabulaire" in html
        assert 'value="H2913"' in html
        assert VocabularyEntry.objects.count() == 1

    def test_an_unknown_code_is_a_french_error(self, staff_client, cast, rome):
        response = staff_client.post(
            reverse("vocabulary:add", args=["metiers"]), {"occupation-add-item": "Z9999 <b>"}
        )
        html = page_text(response)
        assert "Aucun élément ne correspond à « Z9999 <b> »" not in response.content.decode()
        assert "Aucun élément ne correspond à « Z9999 <b> »" in html
        assert 'value="Z9999 <b>"' not in response.content.decode()
        assert not VocabularyEntry.objects.exists()

    def test_add_an_item_of_the_cluster_linked_to_an_occupation(self, staff_client, cast, rome):
        url = reverse("vocabulary:create", args=["metiers"])
        response = staff_client.post(
            url, {"occupation-own-label": "Shaper", "occupation-own-link": "H2902"}
        )
        assert response.status_code == 302
        shaper = VocabularyEntry.objects.get(cluster=cast.cluster_a)
        assert (shaper.label, shaper.occupation) == ("Shaper", rome["chaudronnerie"])
        response = staff_client.post(url, {"occupation-own-label": "shaper"})
        html = page_text(response)
        assert "« Shaper » est déjà dans la liste" in html
        assert 'value="shaper"' in html
        response = staff_client.post(url, {"occupation-own-label": ""})
        assert "Ce champ est obligatoire." in page_text(response)
        response = staff_client.post(url, {"occupation-own-label": "x" * 300})
        assert "Le nom compte 300 caractères : 250 au plus." in page_text(response)
        # A skill of the cluster's own, without link.
        staff_client.post(
            reverse("vocabulary:create", args=["competences"]),
            {"skill-own-label": "Glaçage de résine"},
        )
        assert VocabularyEntry.objects.get(kind=SKILL).display_label == "Glaçage de résine"

    @pytest.mark.parametrize("label", ["\u200b", "\ufeff", "- . -"])
    def test_an_invisible_name_is_a_french_error_on_the_field_and_kept(
        self, staff_client, cast, rome, label
    ):
        form = OwnItemForm({"occupation-own-label": label}, cluster=cast.cluster_a, kind=OCCUPATION)
        assert form.errors == {"label": ["Le nom doit contenir au moins une lettre ou un chiffre."]}
        response = staff_client.post(
            reverse("vocabulary:create", args=["metiers"]), {"occupation-own-label": label}
        )
        assert response.status_code == 200
        html = page_text(response)
        assert "Le nom doit contenir au moins une lettre ou un chiffre." in html
        assert f'value="{label}"' in html
        soudage = entry(cast.cluster_a, 1, occupation=rome["soudage"], label="Soudeur naval")
        response = staff_client.post(
            reverse("vocabulary:rename", args=[soudage.pk]), {"label": label}
        )
        assert "Le nom doit contenir au moins une lettre ou un chiffre." in page_text(response)
        soudage.refresh_from_db()
        assert soudage.label == "Soudeur naval"
        assert VocabularyEntry.objects.count() == 1

    def test_the_length_of_a_name_counts_what_shows(self, staff_client, cast, rome):
        label = "\u200b".join("x" * 250)  # 499 characters, 250 of them visible
        response = staff_client.post(
            reverse("vocabulary:create", args=["metiers"]), {"occupation-own-label": label}
        )
        assert response.status_code == 302
        assert VocabularyEntry.objects.get().label == "x" * 250

    def test_rename_page_shows_the_official_name_and_renames(self, staff_client, cast, rome):
        soudage = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        url = reverse("vocabulary:rename", args=[soudage.pk])
        html = page_text(staff_client.get(url))
        assert "Renommer « Soudeur / Soudeuse »" in html
        assert "code H2913" in html
        response = staff_client.post(url, {"label": "Soudeur naval"})
        assert response.status_code == 302
        soudage.refresh_from_db()
        assert soudage.label == "Soudeur naval"
        staff_client.post(url, {"label": "  "})
        soudage.refresh_from_db()
        assert soudage.label == ""
        own = entry(cast.cluster_a, 2, occupation=None, label="Shaper")
        response = staff_client.post(reverse("vocabulary:rename", args=[own.pk]), {"label": ""})
        assert response.status_code == 200
        assert "donnez-lui un nom" in page_text(response)
        response = staff_client.post(
            reverse("vocabulary:rename", args=[own.pk]), {"label": "Soudeur / soudeuse"}
        )
        html = page_text(response)
        assert "« Soudeur / Soudeuse » est déjà dans la liste" in html
        assert 'value="Soudeur / soudeuse"' in html

    def test_merge_from_the_screen(self, staff_client, cast, rome):
        keep = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        remove = entry(cast.cluster_a, 2, occupation=None, label="Soudeur bateaux")
        url = reverse("vocabulary:merge", args=["metiers"])
        response = staff_client.post(
            url, {"occupation-merge-keep": keep.pk, "occupation-merge-remove": remove.pk}, **HTMX
        )
        html = page_text(response)
        assert "« Soudeur bateaux » est fusionné dans « Soudeur / Soudeuse »" in html
        keep.refresh_from_db()
        assert keep.aliases == ["Soudeur bateaux"]
        response = staff_client.post(
            url, {"occupation-merge-keep": keep.pk, "occupation-merge-remove": keep.pk}, **HTMX
        )
        assert "Choisissez deux éléments différents." in page_text(response)

    def test_move_with_and_without_javascript(self, staff_client, cast, rome):
        a = entry(cast.cluster_a, 1, occupation=rome["usinage"])
        b = entry(cast.cluster_a, 2, occupation=rome["soudage"])
        response = staff_client.post(
            reverse("vocabulary:move", args=[b.pk]), {"direction": "up"}, **HTMX
        )
        html = page_text(response)
        assert "« Soudeur / Soudeuse » est maintenant n° 1." in html
        # Now first: focus goes to its « down » button, the « up » one is disabled.
        assert html.count("autofocus") == 1
        focused = html[: html.index("autofocus")]
        assert focused[focused.rindex("<button") :].count('value="down"') == 1
        response = staff_client.post(
            reverse("vocabulary:move", args=[b.pk]), {"direction": "down", "q": "soud"}
        )
        assert response["Location"] == "/cluster/vocabulaire/?q=soud#metiers"
        assert [e.pk for e in operations.entries(cast.cluster_a, OCCUPATION)] == [a.pk, b.pk]
        response = staff_client.post(
            reverse("vocabulary:move", args=[b.pk]), {"direction": "sideways"}, follow=True
        )
        assert "Choisissez de monter ou de descendre" in page_text(response)

    def test_remove_asks_then_removes(self, staff_client, cast, rome):
        soudage = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        url = reverse("vocabulary:remove", args=[soudage.pk])
        assert "Retirer « Soudeur / Soudeuse » du vocabulaire de Cluster Alpha ?" in page_text(
            staff_client.get(url)
        )
        response = staff_client.post(url, follow=True)
        assert "« Soudeur / Soudeuse » est retiré de la liste." in page_text(response)
        assert not VocabularyEntry.objects.exists()
        assert actions(cast.cluster_a) == ["vocabulary.remove"]

    @pytest.mark.parametrize(
        ("name", "method", "data"),
        [
            ("vocabulary:rename", "get", {}),
            ("vocabulary:rename", "post", {"label": "Pris"}),
            ("vocabulary:move", "post", {"direction": "up"}),
            ("vocabulary:remove", "get", {}),
            ("vocabulary:remove", "post", {}),
        ],
    )
    def test_another_clusters_entries_answer_404(self, client, cast, rome, name, method, data):
        theirs = entry(cast.cluster_b, 1, occupation=rome["soudage"])
        login(client, cast.staff_a)
        response = getattr(client, method)(reverse(name, args=[theirs.pk]), data)
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.label == ""
        assert not AuditEntry.objects.filter(action__startswith="vocabulary.").exists()

    def test_merge_cannot_reach_another_clusters_entries(self, staff_client, cast, rome):
        mine = entry(cast.cluster_a, 1, occupation=rome["soudage"])
        theirs = entry(cast.cluster_b, 1, occupation=rome["usinage"])
        response = staff_client.post(
            reverse("vocabulary:merge", args=["metiers"]),
            {"occupation-merge-keep": mine.pk, "occupation-merge-remove": theirs.pk},
        )
        assert response.status_code == 200
        assert "Sélectionnez un choix valide" in page_text(response)
        assert VocabularyEntry.objects.filter(pk=theirs.pk).exists()

    def test_an_unknown_list_answers_404(self, staff_client, cast):
        response = staff_client.post(reverse("vocabulary:add", args=["autres"]), {})
        assert response.status_code == 404

    def test_the_page_reads_a_fixed_number_of_queries(
        self, staff_client, cast, rome, django_assert_max_num_queries
    ):
        for n in range(30):
            entry(cast.cluster_a, n + 1, occupation=OccupationFactory(), label=f"Local {n}")
            entry(cast.cluster_a, n + 1, for_skill=True)
        with django_assert_max_num_queries(20):
            response = staff_client.get(LIST)
        assert response.status_code == 200
