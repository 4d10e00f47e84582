"""The strategy page, the action plan and the strategy PDF (/cluster/gpec/strategie/…)."""

from django.urls import path

from ancrage.gpec.views import actions, strategy

app_name = "gpec_strategy"

urlpatterns = [
    path("", strategy.page, name="page"),
    path("priorites.xlsx", strategy.export, name="export"),
    path("pdf/", strategy.pdf, name="pdf"),
    path("actions/", actions.actions, name="actions"),
    path("actions/nouvelle/", actions.action_new, name="action_new"),
    path("actions/<int:pk>/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/supprimer/", actions.action_delete, name="action_delete"),
]
