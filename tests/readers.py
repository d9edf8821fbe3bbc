"""Small papers in each format, made on the fly for reader tests."""
from __future__ import annotations

import io


def pdf_with(draw, pages: int = 1, **canvas_args) -> bytes:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1, **canvas_args)
    for number in range(1, pages + 1):
        draw(c, number)
        c.showPage()
    c.save()
    return buffer.getvalue()


def text_page(c, number: int) -> None:
    c.setFont("Helvetica", 10)
    c.drawString(50, 800, "Northshire Council running title")
    c.drawString(50, 700, f"Body text on page {number}.")
    c.drawString(50, 30, f"Page {number} of 3")


def docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
