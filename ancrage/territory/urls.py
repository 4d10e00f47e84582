from django.urls import path

from ancrage.territory import views

app_name = "territory"

urlpatterns = [
    path("communes/", views.commune_autocomplete, name="commune_autocomplete"),
]
