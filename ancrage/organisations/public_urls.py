from django.urls import path

from ancrage.organisations.views import public

app_name = "member_directory"

urlpatterns = [
    path("", public.member_list, name="list"),
    path("<int:pk>/", public.member_detail, name="detail"),
    path("<int:pk>/logo/", public.logo, name="logo"),
]
