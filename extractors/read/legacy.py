"""Legacy Word (.doc), RTF and OpenDocument (.odt) papers, converted to .docx through
LibreOffice when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from boardpapers.extractors.read.docx import read_docx
from boardpapers.extractors.errors import ConverterMissing, CorruptDocument
from boardpapers.schema.models import ReadDocument

CONVERT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy_word(data: bytes, name: str, suffix: str) -> ReadDocument:
    """Convert a .doc or .rtf paper to .docx with `soffice --headless`, then read that."""
    binary = soffice()
    if binary is None:
        raise ConverterMissing(f"{suffix} papers need LibreOffice (soffice) to convert them; it is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"paper.{suffix}"
        source.write_bytes(data)
        # A profile of its own, so conversions in parallel workers do not fight over one.
        profile = (Path(tmp) / "profile").as_uri()
        try:
            subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                            "--outdir", tmp, str(source)],
                           check=True, capture_output=True, timeout=CONVERT_SECONDS)
        except (subprocess.SubprocessError, OSError) as exc:
            raise CorruptDocument(f"LibreOffice could not convert this {suffix} file ({exc})") from exc
        converted = Path(tmp) / "paper.docx"
        if not converted.exists():
            raise CorruptDocument(f"LibreOffice could not convert this {suffix} file")
        document = read_docx(converted.read_bytes(), name)
    return document.model_copy(update={"format": suffix})
