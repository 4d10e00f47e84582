from django.urls import path  # noqa: F401 (filled by the views of this module)

app_name = "member_directory"

urlpatterns = []
