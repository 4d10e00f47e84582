"""The référentiel pickers: typed text resolved without JavaScript, codes,
job titles standing for their occupation, the cluster's words, several
items, and the suggestions the combobox shows."""

from html import unescape

import pytest
from django import forms
from django.http import QueryDict
from django.urls import reverse

from ancrage.core.widgets import MAX_ITEMS, ComboboxMultiple
from ancrage.referentiel.factories import (
    JobTitleFactory,
    OccupationFactory,
    SkillFactory,
    VocabularyEntryFactory,
)
from ancrage.referentiel.forms import (
    OccupationField,
    OccupationMultipleField,
    SkillField,
    SkillMultipleField,
    VocabularyEntryField,
)
from ancrage.referentiel.models import Skill
from tests.cast import login

HTMX = {"HTTP_HX_REQUEST": "true"}
SUGGESTIONS = reverse("referentiel:suggestions")


class PickForm(forms.Form):
    occupation = OccupationField(label="Métier")
    skills = SkillMultipleField(label="Compétences", required=False)


class ManyForm(forms.Form):
    occupations = OccupationMultipleField(label="Métiers")


class SkillForm(forms.Form):
    skill = SkillField(label="Compétence")


@pytest.fixture
def rome(db):
    usinage = OccupationFactory(
        code="H2903", label="Conducteur / Conductrice d'équipement d'usinage"
    )
    JobTitleFactory(occupation=usinage, label="Usineur / Usineuse", short_label="Usineur(se)")
    JobTitleFactory(occupation=usinage, label="Tourneur / Tourneuse sur commande numérique")
    soudage = OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    JobTitleFactory(occupation=soudage, label="Soudeur / Soudeuse", is_principal=True)
    JobTitleFactory(occupation=soudage, label="Soudeur / Soudeuse TIG")
    ferroviaire = OccupationFactory(
        code="I1323", label="Technicien / Technicienne de maintenance ferroviaire"
    )
    industrielle = OccupationFactory(
        code="I1304", label="Technicien / Technicienne de maintenance industrielle"
    )
    obsolete = OccupationFactory(code="H2999", label="Riveteur / Riveteuse", is_obsolete=True)
    return {
        "usinage": usinage,
        "soudage": soudage,
        "ferroviaire": ferroviaire,
        "industrielle": industrielle,
        "obsolete": obsolete,
        "souder": SkillFactory(label="Souder à l'arc"),
        "plan": SkillFactory(label="Lire un plan de fabrication"),
        "rigueur": SkillFactory(label="Faire preuve de rigueur", kind=Skill.Kind.SOFT),
    }


def clean(form_class, data, cluster=None):
    form = form_class(data)
    if cluster is not None:
        for field in form.fields.values():
            field.set_cluster(cluster)
    return form, form.is_valid()


class TestSingle:
    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("H2903", "usinage"),
            ("  h2913 ", "soudage"),
            ("Soudeur / Soudeuse (H2913)", "soudage"),  # the label shown once chosen
            ("N'importe quoi (H2903)", "usinage"),  # a code wins
            ("soudeur", "soudage"),
            ("Soudeuse", "soudage"),
            ("usineuse", "usinage"),  # a job title selects its occupation
            ("tourneur commande numerique", "usinage"),
            ("maintenance ferroviaire", "ferroviaire"),
            ("technicienne maintenance ferroviare", "ferroviaire"),  # one typo
        ],
    )
    def test_typed_text_resolves(self, rome, typed, expected):
        form, valid = clean(PickForm, {"occupation": typed})
        assert valid, form.errors
        assert form.cleaned_data["occupation"] == rome[expected]

    def test_several_candidates_are_listed_and_the_text_kept(self, rome):
        form, valid = clean(PickForm, {"occupation": "technicien maintenance"})
        assert not valid
        message = form.errors["occupation"][0]
        assert message.startswith("Plusieurs éléments correspondent à « technicien maintenance » :")
        assert "Technicien / Technicienne de maintenance ferroviaire (I1323)" in message
        assert "Technicien / Technicienne de maintenance industrielle (I1304)" in message
        assert "précisez, par exemple « Technicien / Technicienne de maintenance" in message
        assert 'value="technicien maintenance"' in str(form["occupation"])

    @pytest.mark.parametrize("typed", ["Zzyzx <b>", "!!!", "H9999", "x" * 5000, "%_'\"\\"])
    def test_nothing_matching_is_a_french_error_and_keeps_the_text(self, rome, typed):
        form, valid = clean(PickForm, {"occupation": typed})
        assert not valid
        assert form.errors["occupation"][0].startswith("Aucun élément ne correspond à « ")
        assert "Vérifiez l'orthographe." in form.errors["occupation"][0]
        html = unescape(str(form["occupation"]))
        assert f'value="{typed[:1000]}"' in html

    @pytest.mark.parametrize("typed", ["foo", "é" * 999, "trucker", "foot"])
    def test_typed_text_is_read_as_whole_words_and_a_loose_match_is_refused(self, rome, typed):
        # « foo » is no prefix of « Food trucker » once submitted; « trucker »
        # alone, a word in the middle of a job title, or « foot », a typo
        # away from it, match too loosely to be taken without choosing.
        ambulant = OccupationFactory(code="G1613", label="Restaurateur ambulant")
        JobTitleFactory(occupation=ambulant, label="Food trucker")
        JobTitleFactory(occupation=OccupationFactory(code="L1101"), label="Dee-jay")
        form, valid = clean(PickForm, {"occupation": typed})
        assert not valid
        assert form.errors["occupation"] == [
            f"Aucun élément ne correspond à « {typed[:100]} ». Vérifiez l'orthographe."
        ]
        assert f'value="{typed}"' in unescape(str(form["occupation"]))
        form, valid = clean(PickForm, {"occupation": "food trucker"})
        assert valid and form.cleaned_data["occupation"] == ambulant

    def test_either_gender_form_of_a_job_title_is_exact(self, rome):
        baker = OccupationFactory(code="D1102", label="Boulanger / Boulangère")
        JobTitleFactory(occupation=baker, label="Boulanger / Boulangère")
        JobTitleFactory(
            occupation=OccupationFactory(code="H2102"),
            label="Boulanger industriel / Boulangère industrielle",
        )
        JobTitleFactory(
            occupation=OccupationFactory(code="D1104"),
            label="Boulanger-pâtissier / Boulangère-pâtissière",
        )
        for typed in ("boulanger", "Boulangère"):
            form, valid = clean(PickForm, {"occupation": typed})
            assert valid, form.errors
            assert form.cleaned_data["occupation"] == baker

    def test_required_and_nul(self, rome):
        form, _valid = clean(PickForm, {"occupation": "  "})
        assert form.errors["occupation"] == ["Ce champ est obligatoire."]
        form, _valid = clean(PickForm, {"occupation": "Sou\x00deur"})
        assert form.errors["occupation"] == ["Le caractère nul n’est pas autorisé."]
        assert "\x00" not in str(form["occupation"])

    def test_the_chosen_code_wins_while_the_text_shows_it(self, rome):
        data = {"occupation": "Soudeur / Soudeuse (H2913)", "occupation_code": "H2913"}
        form, valid = clean(PickForm, data)
        assert valid and form.cleaned_data["occupation"] == rome["soudage"]
        # Text changed without JavaScript: the stale code is ignored.
        form, valid = clean(PickForm, {"occupation": "usineur", "occupation_code": "H2913"})
        assert valid and form.cleaned_data["occupation"] == rome["usinage"]
        # A code that is no ROME code is ignored; the text decides.
        form, valid = clean(PickForm, {"occupation": "soudeur", "occupation_code": "1 OR 1"})
        assert valid and form.cleaned_data["occupation"] == rome["soudage"]

    def test_an_obsolete_occupation_is_not_offered(self, rome):
        form, valid = clean(PickForm, {"occupation": "H2999"})
        assert not valid
        assert form.errors["occupation"][0].startswith("Aucun élément ne correspond à « H2999 »")

    def test_the_widget_shows_the_initial_occupation_and_asks_the_suggestions(self, rome):
        form = PickForm(initial={"occupation": rome["soudage"].pk})
        html = str(form["occupation"])
        assert 'value="Soudeur / Soudeuse (H2913)"' in html
        assert 'name="occupation_code"' in html and 'value="H2913"' in html
        assert 'role="combobox"' in html
        assert "/referentiel/suggestions/?listbox=id_occupation_listbox" in html
        assert "target=occupation" in html
        assert 'aria-label="Métiers proposés"' in html
        bound = PickForm({"occupation": "H2913"}, initial={"occupation": rome["soudage"]})
        assert not bound.has_changed()
        bound = PickForm({"occupation": "H2903"}, initial={"occupation": rome["soudage"]})
        assert bound.has_changed()

    def test_a_skill_by_its_label_or_chosen_in_the_list(self, rome):
        form, valid = clean(SkillForm, {"skill": "souder a l arc"})
        assert valid, form.errors
        assert form.cleaned_data["skill"] == rome["souder"]
        plan = rome["plan"]
        form, valid = clean(SkillForm, {"skill": plan.label, "skill_code": str(plan.pk)})
        assert valid and form.cleaned_data["skill"] == plan

    def test_the_clusters_words_resolve_for_that_cluster_only(self, cast, rome):
        VocabularyEntryFactory(
            cluster=cast.cluster_a, occupation=rome["usinage"], label="Fraiseur de planches"
        )
        form, valid = clean(PickForm, {"occupation": "fraiseur de planches"}, cast.cluster_a)
        assert valid, form.errors
        assert form.cleaned_data["occupation"] == rome["usinage"]
        form, valid = clean(PickForm, {"occupation": "fraiseur de planches"}, cast.cluster_b)
        assert not valid


class TestMultiple:
    def test_chips_and_typed_items_one_per_line_or_semicolons(self, rome):
        data = QueryDict(mutable=True)
        data.setlist("occupations_code", ["H2913", "H2913", "bad code", "H2999"])
        data["occupations"] = "usineur ;\nmaintenance ferroviaire; H2913"
        form, valid = clean(ManyForm, data)
        assert valid, form.errors
        assert form.cleaned_data["occupations"] == [
            rome["soudage"],
            rome["usinage"],
            rome["ferroviaire"],
        ]

    def test_each_item_not_found_is_named_and_the_chips_stay(self, rome):
        data = QueryDict(mutable=True)
        data.setlist("occupations_code", ["H2903"])
        data["occupations"] = "soudeur; zzyzx; technicien maintenance"
        form, valid = clean(ManyForm, data)
        assert not valid
        errors = form.errors["occupations"]
        assert len(errors) == 2
        assert errors[0].startswith("Aucun élément ne correspond à « zzyzx »")
        assert errors[1].startswith("Plusieurs éléments correspondent à « technicien maintenance »")
        html = unescape(str(form["occupations"]))
        assert 'value="soudeur; zzyzx; technicien maintenance"' in html
        # The chip chosen before is shown again, checked, with its label.
        assert 'name="occupations_code"' in html and 'value="H2903"' in html
        assert "Conducteur / Conductrice d'équipement d'usinage (H2903)" in html
        assert "checked" in html

    def test_required_and_initial_chips(self, rome):
        form, _valid = clean(ManyForm, {"occupations": " ; ;"})
        assert form.errors["occupations"] == ["Ce champ est obligatoire."]
        form = ManyForm(initial={"occupations": [rome["soudage"], rome["usinage"].pk]})
        html = unescape(str(form["occupations"]))
        assert html.count('type="checkbox"') == 3  # two chips and the model of a new one
        assert "Soudeur / Soudeuse (H2913)" in html
        assert "required" not in html
        assert 'aria-label="Éléments choisis (décochez pour retirer)"' in html
        same = QueryDict(mutable=True)
        same.setlist("occupations_code", ["H2903", "H2913"])
        form = ManyForm(same, initial={"occupations": [rome["soudage"], rome["usinage"]]})
        assert not form.has_changed()

    @pytest.fixture
    def many(self, db):
        return [
            OccupationFactory(code=f"M{number:04d}", label=f"Métier numéro {number}")
            for number in range(1, MAX_ITEMS + 12)
        ]

    def test_as_many_items_as_allowed(self, many):
        data = QueryDict(mutable=True)
        data.setlist("occupations_code", [o.code for o in many[: MAX_ITEMS - 2]])
        data["occupations"] = "; ".join(o.code for o in many[MAX_ITEMS - 2 : MAX_ITEMS])
        form, valid = clean(ManyForm, data)
        assert valid, form.errors
        assert form.cleaned_data["occupations"] == many[:MAX_ITEMS]

    @pytest.mark.parametrize(
        ("chips", "typed"),
        [(MAX_ITEMS + 1, 0), (MAX_ITEMS, 1), (0, MAX_ITEMS + 1), (30, 21), (MAX_ITEMS + 11, 0)],
    )
    def test_one_item_too_many_is_refused_not_dropped(self, many, chips, typed):
        data = QueryDict(mutable=True)
        data.setlist("occupations_code", [o.code for o in many[:chips]])
        text = "\n".join(o.code for o in many[chips : chips + typed])
        data["occupations"] = text
        form, valid = clean(ManyForm, data)
        assert not valid
        assert form.errors["occupations"] == [
            "Trop d'éléments : 50 au plus, retirez-en quelques-uns."
        ]
        html = unescape(str(form["occupations"]))
        assert f">{text}</textarea>" in html or f'value="{text}"' in html
        # The chips are shown again (the widget reads one more than allowed).
        assert html.count('type="checkbox"') == min(chips, MAX_ITEMS + 1) + 1

    def test_the_same_item_typed_twice_counts_once(self, many):
        data = QueryDict(mutable=True)
        data.setlist("occupations_code", [o.code for o in many[: MAX_ITEMS - 1]])
        data["occupations"] = f"{many[MAX_ITEMS - 1].code}; {many[MAX_ITEMS - 1].code.lower()}"
        form, valid = clean(ManyForm, data)
        assert valid, form.errors
        assert len(form.cleaned_data["occupations"]) == MAX_ITEMS

    def test_the_widget_reads_one_chip_more_than_allowed(self):
        data = QueryDict(mutable=True)
        data.setlist("x_code", ["bad", *[str(n) for n in range(200)]])
        value = ComboboxMultiple("referentiel:suggestions").value_from_datadict(data, {}, "x")
        assert [chip.code for chip in value.chips] == [str(n) for n in range(MAX_ITEMS + 1)]

    def test_several_skills_by_their_ids(self, rome):
        data = QueryDict(mutable=True)
        data.setlist("skills_code", [str(rome["plan"].pk), str(rome["rigueur"].pk)])
        data["occupation"] = "H2903"
        form, valid = clean(PickForm, data)
        assert valid, form.errors
        assert form.cleaned_data["skills"] == [rome["plan"], rome["rigueur"]]


class TestEntryField:
    def test_entries_of_the_cluster_by_name_or_rome_item(self, cast, rome):
        shaper = VocabularyEntryFactory(
            cluster=cast.cluster_a, occupation=rome["usinage"], label="Shaper"
        )
        soudage = VocabularyEntryFactory(cluster=cast.cluster_a, occupation=rome["soudage"])
        VocabularyEntryFactory(cluster=cast.cluster_b, occupation=None, label="Glasseur")

        class MatrixForm(forms.Form):
            entry = VocabularyEntryField(label="Métier", cluster=cast.cluster_a)

        for typed, expected in [
            ("shaper", shaper),
            ("soudeuse", soudage),  # the ROME item stands for the cluster's entry
            ("Shaper (H2903)", shaper),
        ]:
            form = MatrixForm({"entry": typed})
            assert form.is_valid(), (typed, form.errors)
            assert form.cleaned_data["entry"] == expected
        form = MatrixForm({"entry": "Soudeur / Soudeuse (H2913)", "entry_code": str(soudage.pk)})
        assert form.is_valid() and form.cleaned_data["entry"] == soudage
        assert not MatrixForm({"entry": "glasseur"}).is_valid()
        assert not MatrixForm({"entry": "ferroviaire"}).is_valid()  # not in the vocabulary
        html = str(MatrixForm()["entry"])
        assert "select=entry" in html

    def test_without_cluster_nothing_is_valid(self, rome):
        class MatrixForm(forms.Form):
            entry = VocabularyEntryField(label="Métier")

        assert not MatrixForm({"entry": "soudeur"}).is_valid()


class TestSuggestions:
    def test_options_of_occupations_and_job_titles(
        self, client, rome, django_assert_max_num_queries
    ):
        client.get(SUGGESTIONS, {"q": "x"}, **HTMX)  # the index is built once per process
        # The revision token, the last commune (place names are in the
        # occupation index), the occupations behind the suggestions.
        with django_assert_max_num_queries(3):
            response = client.get(
                SUGGESTIONS,
                {
                    "field": "occupation",
                    "occupation": "soudeu",
                    "target": "occupation",
                    "listbox": "id_occupation_listbox",
                },
                **HTMX,
            )
        html = unescape(response.content.decode())
        assert '<li id="id_occupation_listbox-occupation-' in html
        assert 'data-code="H2913"' in html
        assert 'data-label="Soudeur / Soudeuse (H2913)"' in html
        assert "Soudeur / Soudeuse TIG" in html  # a job title, for its occupation
        assert "<html" not in html
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]

    def test_skills_by_id(self, client, rome):
        response = client.get(SUGGESTIONS, {"q": "souder", "target": "skill"}, **HTMX)
        html = unescape(response.content.decode())
        assert f'data-code="{rome["souder"].pk}"' in html
        assert 'data-label="Souder à l\'arc"' in html
        assert "savoir-faire" in html

    def test_the_acting_clusters_words_first_and_no_other_clusters(self, client, cast, rome):
        VocabularyEntryFactory(
            cluster=cast.cluster_a, occupation=rome["usinage"], label="Shaper alpha"
        )
        VocabularyEntryFactory(
            cluster=cast.cluster_b, occupation=rome["soudage"], label="Shaper bêta"
        )
        params = {"q": "shaper", "target": "occupation"}
        assert "Shaper" not in client.get(SUGGESTIONS, params, **HTMX).content.decode()
        login(client, cast.staff_a)
        html = unescape(client.get(SUGGESTIONS, params, **HTMX).content.decode())
        assert "Shaper alpha" in html and "Shaper bêta" not in html
        assert 'data-code="H2903"' in html
        # A member company of cluster A sees cluster A's words too.
        client.logout()
        login(client, cast.member_a)
        html = unescape(client.get(SUGGESTIONS, params, **HTMX).content.decode())
        assert "Shaper alpha" in html and "Shaper bêta" not in html

    def test_entries_for_the_entry_picker(self, client, cast, rome):
        entry = VocabularyEntryFactory(cluster=cast.cluster_a, occupation=rome["soudage"])
        params = {"q": "soudeur", "target": "occupation", "select": "entry"}
        assert client.get(SUGGESTIONS, params, **HTMX).content.decode().strip() == ""
        login(client, cast.staff_a)
        html = client.get(SUGGESTIONS, params, **HTMX).content.decode()
        assert f'data-code="{entry.pk}"' in html
        login(client, cast.staff_b)
        assert client.get(SUGGESTIONS, params, **HTMX).content.decode().strip() == ""

    def test_the_entry_picker_lists_each_entry_once(self, client, cast, rome):
        usinage = rome["usinage"]
        for label in ("Usineur CN", "Usineur / Usineuse d'outillage", "Usineur-régleur"):
            JobTitleFactory(occupation=usinage, label=label)
        entry = VocabularyEntryFactory(cluster=cast.cluster_a, occupation=usinage)
        params = {"q": "usineur", "target": "occupation"}
        login(client, cast.staff_a)
        # The ROME picker shows each job title, each for its occupation.
        html = client.get(SUGGESTIONS, params, **HTMX).content.decode()
        assert html.count('data-code="H2903"') >= 4
        html = client.get(SUGGESTIONS, {**params, "select": "entry"}, **HTMX).content.decode()
        assert html.count(f'data-code="{entry.pk}"') == 1

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"q": ""},
            {"q": "   "},
            {"q": "%<script>'\""},
            {"q": "x" * 10_000},
            {"q": "\x00"},
            {"q": "soudeur", "target": "autre"},
            {"q": "soudeur", "select": "autre"},
            {"q": "soudeur", "listbox": '"><script>'},
            {"field": "q" * 10_000},
        ],
    )
    def test_odd_input_is_an_empty_list(self, client, rome, params):
        response = client.get(SUGGESTIONS, params, **HTMX)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>" not in html
        if params.get("q") != "soudeur" or "listbox" not in params:
            assert html.strip() == ""

    def test_page_without_javascript(self, client, rome):
        response = client.get(SUGGESTIONS, {"q": "soudeur"})
        html = unescape(response.content.decode())
        assert "<h1" in html and "Rechercher dans le référentiel" in html
        assert "Soudeur / Soudeuse" in html and "H2913" in html
        response = client.get(SUGGESTIONS, {"q": "zzzz", "target": "skill"})
        assert "Aucun élément du référentiel ne correspond" in unescape(response.content.decode())
