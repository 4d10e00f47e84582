from django.urls import path

from ancrage.surveys.views import builder, builder_questions, builder_sections

app_name = "questionnaires"

urlpatterns = [
    path("", builder.questionnaire_list, name="list"),
    path("nouveau/", builder.create, name="create"),
    path("modele/", builder.from_template, name="from_template"),
    path("<int:pk>/", builder.detail, name="detail"),
    path("<int:pk>/modifier/", builder.edit, name="edit"),
    path("<int:pk>/dupliquer/", builder.duplicate, name="duplicate"),
    path("<int:pk>/archiver/", builder.archive, name="archive"),
    path("<int:pk>/apercu/", builder.preview, name="preview"),
    path("<int:pk>/ordre/", builder_sections.reorder, name="reorder"),
    path("<int:pk>/sections/ajouter/", builder_sections.section_add, name="section_add"),
    path(
        "<int:pk>/sections/<int:section_pk>/",
        builder_sections.section_edit,
        name="section_edit",
    ),
    path(
        "<int:pk>/sections/<int:section_pk>/supprimer/",
        builder_sections.section_delete,
        name="section_delete",
    ),
    path(
        "<int:pk>/sections/<int:section_pk>/deplacer/",
        builder_sections.section_move,
        name="section_move",
    ),
    path(
        "<int:pk>/sections/<int:section_pk>/questions/ajouter/",
        builder_questions.question_add,
        name="question_add",
    ),
    path(
        "<int:pk>/questions/<int:question_pk>/",
        builder_questions.question_edit,
        name="question_edit",
    ),
    path(
        "<int:pk>/questions/<int:question_pk>/supprimer/",
        builder_questions.question_delete,
        name="question_delete",
    ),
    path(
        "<int:pk>/questions/<int:question_pk>/deplacer/",
        builder_questions.question_move,
        name="question_move",
    ),
    path(
        "<int:pk>/questions/<int:question_pk>/colonnes/ajouter/",
        builder_questions.column_add,
        name="column_add",
    ),
]
