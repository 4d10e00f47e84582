from django.urls import path, re_path

from ancrage.matrix.views import member_import

app_name = "member_import"

urlpatterns = [
    path("", member_import.upload, name="upload"),
    path("confirmer/", member_import.confirm, name="confirm"),
    path("erreurs.xlsx", member_import.errors, name="errors"),
    path("<int:pk>/", member_import.result, name="result"),
    re_path(r"^modele\.(?P<fmt>xlsx|csv)$", member_import.template, name="template"),
]
