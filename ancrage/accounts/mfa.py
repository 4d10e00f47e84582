"""Two-factor authentication: a TOTP device per person plus 10 single-use
backup codes (django-otp's static device)."""

from base64 import b32encode

import segno
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Application d'authentification"
STATIC_DEVICE_NAME = "Codes de secours"
# Backup codes shown once, between the enrolment and the backup-codes page.
NEW_CODES_SESSION_KEY = "ancrage_new_backup_codes"


def confirmed_device(user):
    return user.totpdevice_set.filter(confirmed=True).order_by("pk").first()


def pending_device(user):
    """The device being enrolled: reused between visits so the QR code stays
    the same until it is confirmed."""
    device = user.totpdevice_set.filter(confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device):
    """The otpauth URI as an inline SVG QR code (no external request)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, omitsize=False)


def base32_key(device):
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def current_code(device):
    """The code the device shows now (displayed in demo mode only)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def demo_code(device):
    return current_code(device) if settings.DEMO and device is not None else ""


def clean_code(value):
    """Codes are typed with spaces, dashes or capitals; compare them bare."""
    return "".join(ch for ch in value if ch.isalnum()).lower()


def verify_totp(device, code):
    code = clean_code(code)
    return code.isdigit() and len(code) == device.digits and device.verify_token(code)


def verify_backup_code(user, code):
    """The static device whose backup code `code` was (now consumed), or None."""
    code = clean_code(code)
    if not code:
        return None
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


def remaining_backup_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def new_backup_codes(user):
    """Replace the person's backup codes with 10 new ones and return them."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=STATIC_DEVICE_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def format_backup_code(code):
    return f"{code[:4]}-{code[4:]}"
