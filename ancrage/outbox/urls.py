from django.urls import path

from ancrage.outbox import views

app_name = "outbox"

urlpatterns = [
    path("", views.email_list, name="list"),
    path("<int:pk>/", views.email_detail, name="detail"),
    path("<int:pk>/renvoyer/", views.email_resend, name="resend"),
]
