"""The wallet card as a PDF, drawn with Pillow (which saves PDF) and a QR code of the page where
the card number is typed. The card holds no health detail and no name of the cared-for person:
only that the bearer is a carer, the card number and the area's 24-hour number."""

import io

import qrcode
from PIL import Image, ImageDraw, ImageFont

# A bank-card size (85.6 x 54 mm) at 300 dots per inch.
WIDTH, HEIGHT, DPI = 1011, 638, 300
NHS_BLUE = (0, 94, 184)


def _font(size: int):
    return ImageFont.load_default(size=size)


def card_pdf(
    *, carer_name: str, number: str, twenty_four_hour_number: str, team_name: str, card_url: str
) -> bytes:
    """The card, one page, as PDF bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 120), fill=NHS_BLUE)
    draw.text((40, 30), "I am a carer", font=_font(56), fill="white")
    lines = [
        ("Someone depends on me. If I am taken ill, call", 28),
        (f"the {team_name}, day or night:", 28),
        (twenty_four_hour_number or "(number not set)", 52),
        ("Card number", 26),
        (number, 44),
        (f"Carer: {carer_name}", 26),
        ("Responders: sign in and type the card number at the address in the code.", 20),
    ]
    y = 140
    for text, size in lines:
        draw.text((40, y), text, font=_font(size), fill="black")
        y += size + 20
    code = qrcode.make(card_url, box_size=6, border=2).get_image().convert("RGB")
    code = code.resize((230, 230))
    image.paste(code, (WIDTH - 270, HEIGHT - 270))
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=DPI)
    return out.getvalue()
