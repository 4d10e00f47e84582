import pytest
from django import forms

from ancrage.clusters.models import Cluster
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory
from ancrage.territory.forms import CommuneField, TypedCommune


class PickForm(forms.Form):
    commune = CommuneField(label="Commune")


class SeatForm(forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["seat"]
        field_classes = {"seat": CommuneField}


@pytest.fixture
def communes(db):
    bretagne = RegionFactory(code="53", name="Bretagne")
    morbihan = DepartmentFactory(code="56", name="Morbihan", region=bretagne)
    pdl = RegionFactory(code="52", name="Pays de la Loire")
    loire = DepartmentFactory(code="44", name="Loire-Atlantique", region=pdl)
    gard = DepartmentFactory(
        code="30", name="Gard", region=RegionFactory(code="76", name="Occitanie")
    )
    return {
        "lorient": CommuneFactory(
            code="56121",
            name="Lorient",
            postal_codes=["56100"],
            department=morbihan,
            population=57000,
        ),
        "lanester": CommuneFactory(
            code="56098", name="Lanester", postal_codes=["56600"], department=morbihan
        ),
        "nazaire": CommuneFactory(
            code="44184",
            name="Saint-Nazaire",
            postal_codes=["44600"],
            department=loire,
            population=72000,
        ),
        "nazaire_gard": CommuneFactory(
            code="30294",
            name="Saint-Nazaire",
            postal_codes=["30200"],
            department=gard,
            population=300,
        ),
        "ploemeur": CommuneFactory(
            code="56162", name="Plœmeur", postal_codes=["56270"], department=morbihan
        ),
        "old": CommuneFactory(
            code="56999",
            name="Ancienne",
            postal_codes=["56999"],
            department=morbihan,
            is_current=False,
        ),
    }


def clean(value):
    form = PickForm({"commune": value})
    valid = form.is_valid()
    return form, valid


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("56121", "lorient"),
        ("56100", "lorient"),
        ("lorient", "lorient"),
        ("  LORIENT ", "lorient"),
        ("Lorien", "lorient"),
        ("ploemeur", "ploemeur"),
        ("Saint-Nazaire (44600)", "nazaire"),
        ("st nazaire 30200", "nazaire_gard"),
    ],
)
def test_typed_text_resolves_to_one_commune(communes, typed, expected):
    form, valid = clean(typed)
    assert valid, form.errors
    assert form.cleaned_data["commune"] == communes[expected]


def test_several_matches_list_the_candidates_and_keep_the_text(communes):
    form, valid = clean("Saint-Nazaire")
    assert not valid
    message = form.errors["commune"][0]
    assert "Plusieurs communes correspondent à « Saint-Nazaire »" in message
    assert "Saint-Nazaire (44600), Saint-Nazaire (30200)" in message
    assert 'value="Saint-Nazaire"' in str(form["commune"])


def test_unknown_commune_is_a_french_error_and_keeps_the_text(communes):
    form, valid = clean("Zzyzx <b>")
    assert not valid
    assert form.errors["commune"] == [
        "Aucune commune ne correspond à « Zzyzx <b> ». Vérifiez l'orthographe "
        "ou saisissez le code postal."
    ]
    html = str(form["commune"])
    assert 'value="Zzyzx &lt;b&gt;"' in html


def test_former_commune_is_not_offered(communes):
    form, valid = clean("56999")
    assert not valid
    assert "Aucune commune" in form.errors["commune"][0]


def test_chosen_code_wins_when_the_text_is_its_label(communes):
    form = PickForm({"commune": "Saint-Nazaire (30200)", "commune_code": "30294"})
    assert form.is_valid()
    assert form.cleaned_data["commune"] == communes["nazaire_gard"]


def test_stale_code_is_ignored_when_the_text_changed(communes):
    # Without JavaScript the hidden code keeps the initial value.
    form = PickForm({"commune": "Lanester", "commune_code": "56121"})
    assert form.is_valid()
    assert form.cleaned_data["commune"] == communes["lanester"]


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "x" * 10_000, "%_'\"\\", "56", "2A004"])
def test_odd_input_gives_an_error_never_a_crash(communes, typed):
    form, valid = clean(typed)
    assert not valid
    assert form.errors["commune"]


def test_required_message(communes):
    form, _valid = clean("")
    assert form.errors["commune"] == ["Ce champ est obligatoire."]


def test_model_form_shows_the_initial_commune_and_saves_the_choice(communes):
    cluster = Cluster(seat=communes["lorient"])
    form = SeatForm(instance=cluster)
    html = str(form["seat"])
    assert 'value="Lorient (56100)"' in html
    assert 'name="seat_code"' in html
    assert 'value="56121"' in html
    assert 'role="combobox"' in html
    assert 'aria-controls="id_seat_listbox"' in html
    assert "hx-get=" in html
    bound = SeatForm({"seat": "lanester", "seat_code": "56121"}, instance=cluster)
    assert bound.is_valid(), bound.errors
    assert bound.has_changed()
    assert bound.cleaned_data["seat"] == communes["lanester"]
    unchanged = SeatForm(
        {"seat": "Lorient (56100)", "seat_code": "56121"},
        instance=Cluster(seat=communes["lorient"]),
    )
    assert unchanged.is_valid()
    assert not unchanged.has_changed()


def test_widget_reads_both_inputs():
    widget = PickForm().fields["commune"].widget
    assert widget.value_from_datadict({"c": "Lorient", "c_code": "56121"}, {}, "c") == TypedCommune(
        "Lorient", "56121"
    )
    assert widget.value_from_datadict({}, {}, "c") is None
    assert widget.value_omitted_from_data({}, {}, "c")


def test_widget_keeps_extra_classes_once():
    field = CommuneField()
    field.widget.attrs["class"] = "form-control is-invalid"
    html = field.widget.render("c", None, {"id": "id_c"})
    assert 'class="form-control is-invalid"' in html
    assert 'id="id_c"' in html


@pytest.mark.parametrize("code", ["\x00", "56121\x00", "5612", "561211", "x' OR 1=1", "é" * 50])
def test_hidden_code_that_is_not_an_insee_code_is_ignored(communes, code):
    form = PickForm({"commune": "Lanester", "commune_code": code})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["commune"] == communes["lanester"]


def test_nul_in_the_text_is_a_french_error_and_not_shown(communes):
    form, valid = clean("Lori\x00ent")
    assert not valid
    assert form.errors["commune"] == ["Le caractère nul n’est pas autorisé."]
    html = str(form["commune"])
    assert "\x00" not in html
    assert 'value="Lorient"' in html


def test_nul_posted_to_the_cluster_profile_is_not_a_crash(client, cast):
    from tests.cast import login

    login(client, cast.staff_a)
    data = {"name": "Cluster Alpha", "kind": "grappe", "filiere": cast.cluster_a.filiere}
    response = client.post(
        "/cluster/profil/modifier/", {**data, "seat": "\x00", "seat_code": "\x00"}
    )
    assert response.status_code == 200
    assert "Le caractère nul n’est pas autorisé." in response.text
    response = client.post(
        "/cluster/profil/modifier/", {**data, "seat": "Saint-Nazaire", "seat_code": "\x00"}
    )
    assert response.status_code == 302
    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.seat.code == "44184"


@pytest.mark.parametrize(
    "data",
    [
        {"seat": "Ancienne (56999)", "seat_code": "56999"},
        {"seat": "Ancienne (56999)"},
        {"seat": "56999"},
    ],
)
def test_former_commune_already_saved_stays_valid(communes, data):
    form = SeatForm(data, instance=Cluster(seat=communes["old"]))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["seat"] == communes["old"]
    assert not form.has_changed()


def test_an_emptied_field_is_empty_even_with_the_old_hidden_code(communes):
    # Without JavaScript nothing clears the hidden code: the text decides.
    form = SeatForm({"seat": "", "seat_code": "56999"}, instance=Cluster(seat=communes["old"]))
    assert not form.is_valid()
    assert form.errors["seat"] == ["Ce champ est obligatoire."]


def test_former_commune_saved_says_it_merged_and_a_new_choice_must_be_current(communes):
    gone = CommuneFactory(
        code="56998", name="Disparue", department=communes["old"].department, is_current=False
    )
    cluster = Cluster(seat=communes["old"])
    seat = SeatForm(instance=cluster)["seat"]
    assert 'value="Ancienne (56999)"' in str(seat)
    assert seat.help_text.startswith("« Ancienne (56999) » n'est plus une commune actuelle")
    assert "choisissez de préférence la nouvelle commune" in seat.help_text
    assert 'aria-describedby="id_seat_helptext"' in str(seat)
    refused = SeatForm({"seat": gone.label, "seat_code": gone.code}, instance=cluster)
    assert not refused.is_valid()
    assert "Aucune commune ne correspond" in refused.errors["seat"][0]
    moved = SeatForm({"seat": "Lorient (56100)", "seat_code": "56121"}, instance=cluster)
    assert moved.is_valid(), moved.errors
    assert moved.has_changed()
    assert moved.cleaned_data["seat"] == communes["lorient"]
    # A current commune keeps the usual help text; a new form knows nothing of the old one.
    current = SeatForm(instance=Cluster(seat=communes["lorient"]))["seat"]
    assert current.help_text == "Nom, code postal ou code INSEE."
    assert not SeatForm({"seat": "Ancienne (56999)", "seat_code": "56999"}).is_valid()


def test_initial_commune_is_read_once(communes, django_assert_num_queries):
    form = SeatForm(
        {"seat": "Ancienne (56999)", "seat_code": "56999"},
        instance=Cluster(seat_id=communes["old"].pk),
    )
    # The commune, then the model's own check that the foreign key exists.
    with django_assert_num_queries(2):
        assert form.is_valid()
        assert not form.has_changed()
        str(form["seat"])


def test_label_without_postal_code_shows_the_departement_code(communes, django_assert_num_queries):
    from ancrage.territory.models import Commune

    CommuneFactory(
        code="56997", name="Sans code", postal_codes=[], department=communes["old"].department
    )
    commune = Commune.objects.select_related("department").get(code="56997")
    with django_assert_num_queries(0):
        assert commune.label == "Sans code (56)"
