from django.conf import settings


def shell(request):
    """What the base layout needs on every page."""
    user = getattr(request, "user", None)
    return {
        "DEMO": settings.DEMO,
        "scope": getattr(request, "scope", None),
        # A privileged person who has not yet given the code of the moment:
        # the header offers nothing but logging out (every page leads to MFA).
        "mfa_pending": bool(
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and user.is_privileged
        ),
    }
