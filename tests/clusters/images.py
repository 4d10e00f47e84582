"""Small images built by Pillow, for the logo tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(image_format="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 79, 158)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name="logo.png", image_format="PNG", content=None, content_type="image/png"):
    data = image_bytes(image_format) if content is None else content
    return SimpleUploadedFile(name, data, content_type=content_type)
