from django.urls import path

from ancrage.outbox import views

app_name = "outbox"

urlpatterns = [
    path("", views.email_list, name="list"),
]
