"""The member company's job offers (/organisation/offres/): list, write,
read, submit to its clusters' job boards, close, confirm it is still current."""

from django.urls import path

from ancrage.jobs.views import company, expiry

app_name = "jobs_company"

urlpatterns = [
    path("", company.offer_list, name="list"),
    path("nouvelle/", company.create, name="create"),
    path("<int:pk>/", company.detail, name="detail"),
    path("<int:pk>/modifier/", company.edit, name="edit"),
    path("<int:pk>/soumettre/", company.submit, name="submit"),
    path("<int:pk>/clore/", company.close, name="close"),
    path("<int:pk>/confirmer/", expiry.confirm, name="confirm"),
]
