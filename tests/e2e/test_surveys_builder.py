"""The questionnaire builder in a real browser: staff create a questionnaire,
add a section and questions of several kinds (a condition, a table with its
columns), reorder them with the buttons and by drag and drop, and preview it
as respondents will see it; axe-core on every screen."""

from playwright.sync_api import expect

from ancrage.surveys.models import Kind, Questionnaire
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def add_question(page, section_title, kind_label, label, **fields):
    section = page.locator("section.builder-section", has_text=section_title)
    section.get_by_label("Ajouter une question de type").select_option(label=kind_label)
    section.get_by_role("button", name=f"Ajouter à la section « {section_title} »").click()
    page.get_by_role("textbox", name="Question").fill(label)
    for name, value in fields.items():
        page.get_by_label(name).fill(value)
    return page


def drag(page, source, target):
    """Drop `source` on the top half of `target`, as a browser's drag and drop does."""
    transfer = page.evaluate_handle("() => new DataTransfer()")
    source.dispatch_event("dragstart", {"dataTransfer": transfer})
    top = target.bounding_box()["y"] + 2
    target.dispatch_event("dragover", {"dataTransfer": transfer, "clientY": top})
    target.dispatch_event("drop", {"dataTransfer": transfer, "clientY": top})
    source.dispatch_event("dragend", {"dataTransfer": transfer})


def keys_in_order(questionnaire):
    version = questionnaire.current_version
    return [
        question.label
        for question in version.questions.filter(parent=None).order_by(
            "section__position", "position"
        )
    ]


def test_staff_build_a_questionnaire_and_preview_it(page, live_server, cast):
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/enquetes/questionnaires/")
    assert page.locator("h1").inner_text() == "Questionnaires"
    assert_accessible(page)
    page.get_by_role("link", name="Nouveau questionnaire").click()
    page.get_by_label("Titre").fill("Enquête alternance 2026")
    page.get_by_role("button", name="Créer le questionnaire").click()
    page.get_by_text("Le questionnaire est créé").wait_for()
    questionnaire = Questionnaire.objects.get(title="Enquête alternance 2026")

    page.get_by_role("link", name="Ajouter une section").click()
    page.get_by_label("Titre").fill("Vos alternants")
    page.get_by_role("button", name="Enregistrer la section").click()
    page.get_by_text("La section « Vos alternants » est ajoutée.").wait_for()
    assert_accessible(page)

    add_question(page, "Vos alternants", "oui / non", "Accueillez-vous des alternants ?")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La question est ajoutée.").wait_for()

    add_question(
        page, "Vos alternants", "nombre", "Combien d'alternants ?", **{"Valeur minimale": "0"}
    )
    page.get_by_label("Afficher seulement si…").select_option(label="Oui")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La question est ajoutée.").wait_for()
    page.get_by_text("Affichée seulement si « Accueillez-vous des alternants ? »").wait_for()

    add_question(page, "Vos alternants", "choix unique", "Niveau le plus recherché")
    page.get_by_label("Choix proposés").fill("CAP\nBac pro\nBTS\nIngénieur")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La question est ajoutée.").wait_for()

    add_question(
        page, "Vos alternants", "tableau « une ligne par métier »", "Alternants par métier"
    )
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Le tableau est ajouté").wait_for()
    page.get_by_role(
        "link", name="Ajouter une colonne au tableau « Alternants par métier »"
    ).click()
    assert_accessible(page)
    page.get_by_label("nombre").check()
    page.get_by_role("button", name="Continuer").click()
    page.get_by_role("textbox", name="Question").fill("Alternants accueillis")
    page.get_by_label("Valeur minimale").fill("0")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La colonne est ajoutée.").wait_for()
    table = questionnaire.current_version.questions.get(kind=Kind.TABLE)
    assert [c.label for c in table.columns.order_by("position")] == [
        "Métier",
        "Alternants accueillis",
    ]
    assert_accessible(page)

    # Reorder with a button (htmx refreshes the outline)…
    page.get_by_role("button", name="Monter « Niveau le plus recherché »").click()
    page.get_by_text("« Niveau le plus recherché » est déplacée.").wait_for()
    assert keys_in_order(questionnaire) == [
        "Accueillez-vous des alternants ?",
        "Niveau le plus recherché",
        "Combien d'alternants ?",
        "Alternants par métier",
    ]
    # …a move that would put a question before its condition is refused…
    page.get_by_role("button", name="Monter « Combien d'alternants ? »").click()
    page.get_by_text("« Combien d'alternants ? » est déplacée.").wait_for()
    page.get_by_role("button", name="Monter « Combien d'alternants ? »").click()
    page.get_by_text("dépend d'une question qui serait posée après elle").wait_for()
    # …and by drag and drop: the table to the top of the section. (The
    # drag events are dispatched: headless Chromium does not start a native
    # drag from the mouse here.) The outline htmx swapped in takes its drag
    # handlers once settled: wait for them.
    page.locator("#plan[data-drag-ready]").wait_for()
    items = page.locator("li.builder-question")
    drag(
        page,
        items.filter(has_text="Alternants par métier").first,
        items.filter(has_text="Accueillez-vous des alternants ?").first,
    )
    page.get_by_text("Le nouvel ordre est enregistré.").wait_for()
    assert keys_in_order(questionnaire) == [
        "Alternants par métier",
        "Accueillez-vous des alternants ?",
        "Combien d'alternants ?",
        "Niveau le plus recherché",
    ]
    assert_accessible(page)

    page.get_by_role("link", name="Aperçu", exact=True).first.click()
    page.get_by_text("Aperçu — les réponses ne sont pas enregistrées.").wait_for()
    expect(page.get_by_role("columnheader", name="Métier")).to_be_visible()
    conditional = page.get_by_label("Combien d'alternants ?")
    # Hidden by the page's script once loaded (shown without JavaScript).
    conditional.wait_for(state="hidden")
    page.get_by_role("group", name="Accueillez-vous des alternants ?").get_by_label("Oui").check()
    conditional.wait_for()
    assert_accessible(page)
    conditional.fill("-3")
    page.get_by_role("button", name="Vérifier les réponses (rien n'est enregistré)").click()
    page.get_by_text("Certaines réponses sont à corriger").wait_for()
    assert not questionnaire.campaigns.exists()
