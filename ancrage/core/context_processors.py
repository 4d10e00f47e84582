from django.conf import settings


def shell(request):
    """What the base layout needs on every page."""
    return {
        "DEMO": settings.DEMO,
        "scope": getattr(request, "scope", None),
    }
