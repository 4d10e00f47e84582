"""The strategy page, the action plan and the strategy PDF (/cluster/gpec/strategie/…)."""

app_name = "gpec_strategy"

urlpatterns = []
