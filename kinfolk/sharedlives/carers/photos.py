"""Turning an uploaded photo into one fit to keep: checked to be an image, no bigger than
~1200 pixels on its longest side, re-encoded as JPEG with nothing but the pixels (no EXIF, no
location, no camera details). No database here."""

from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

LONGEST_SIDE = 1200
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # 10 MB
MAX_PIXELS = 40_000_000  # refuse "decompression bombs" before decoding them
TOO_BIG = "The photo must be smaller than 10 MB. Choose a smaller photo."
NOT_A_PHOTO = "The file must be a photo (a JPEG or PNG). Choose a photo."


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    width: int
    height: int


def photo_cleaned(raw: bytes) -> CleanPhoto:
    """The photo resized and re-encoded as a JPEG without metadata; a clear refusal for a file
    that is too large or is not a photo."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ValidationError({"photo": TOO_BIG})
    try:
        with Image.open(BytesIO(raw)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError({"photo": "The photo is too large. Choose a smaller photo."})
            image.load()
            image = ImageOps.exif_transpose(image)  # keep it the right way up, then drop EXIF
            image = image.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError({"photo": NOT_A_PHOTO}) from error
    image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    # A fresh image holds only the pixels: no EXIF, GPS, ICC or comments can come through.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    out = BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return CleanPhoto(out.getvalue(), clean.width, clean.height)
