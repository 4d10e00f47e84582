from django.urls import path

from ancrage.surveys.views import campaign_actions, campaign_audience, campaigns

app_name = "campaigns"

urlpatterns = [
    path("", campaigns.campaign_list, name="list"),
    path("nouvelle/", campaigns.create, name="create"),
    path("audience/compte/", campaign_audience.audience_count, name="audience_count"),
    path("<int:pk>/", campaigns.detail, name="detail"),
    path("<int:pk>/suivi/", campaigns.progress, name="progress"),
    path("<int:pk>/modifier/", campaigns.edit, name="edit"),
    path("<int:pk>/destinataires/", campaign_audience.audience_page, name="audience"),
    path(
        "<int:pk>/destinataires/<int:invitee_pk>/retirer/",
        campaign_audience.remove_invitee,
        name="remove_invitee",
    ),
    path("<int:pk>/lancer/", campaign_actions.launch, name="launch"),
    path("<int:pk>/relancer/", campaign_actions.remind, name="remind"),
    path("<int:pk>/cloturer/", campaign_actions.close, name="close"),
    path("<int:pk>/prolonger/", campaign_actions.extend, name="extend"),
    path("<int:pk>/rouvrir/", campaign_actions.reopen, name="reopen"),
    path("<int:pk>/vague-suivante/", campaign_actions.next_wave, name="next_wave"),
]
