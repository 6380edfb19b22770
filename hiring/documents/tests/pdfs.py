"""Reading the PDFs under test: text per page, fonts, attachments."""

import re
from io import BytesIO

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without any whitespace: CJK extraction inserts spaces and line breaks at will."""
    return WHITESPACE.sub("", text)


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    return PdfReader(BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [squeeze(page.extract_text()) for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    return "".join(page_texts(pdf))


def _fonts_in(resources, seen: set) -> list[DictionaryObject]:
    fonts = []
    if not resources:
        return fonts
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            fonts.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        fonts += _fonts_in(xobject.get("/Resources"), seen)
    return fonts


def fonts(pdf: bytes) -> list[DictionaryObject]:
    """Every font dictionary used by the pages, their form XObjects included."""
    seen: set = set()
    found = []
    for page in reader(pdf).pages:
        found += _fonts_in(page.get("/Resources"), seen)
    return found


def font_file(font: DictionaryObject):
    """The embedded font program of a font dictionary, or None."""
    descriptor_owner = font
    if font.get("/Subtype") == "/Type0":
        descriptor_owner = font["/DescendantFonts"][0].get_object()
    descriptor = descriptor_owner.get("/FontDescriptor")
    if descriptor is None:
        return None
    descriptor = descriptor.get_object()
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in descriptor:
            return descriptor[key].get_object()
    return None


def used_glyphs(font: DictionaryObject) -> set[int]:
    """The glyph codes (CIDs) the pages write with this font, from its ToUnicode map."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    section = "".join(re.findall(r"beginbfchar(.*?)endbfchar", cmap, flags=re.S))
    return {int(code, 16) for code in re.findall(r"<([0-9a-fA-F]{4})>\s*<", section)}


def attachments(pdf: bytes) -> dict:
    document = reader(pdf)
    names = document.trailer["/Root"].get_object().get("/Names")
    embedded = names.get_object().get("/EmbeddedFiles") if names else None
    return {**document.attachments, **({"/EmbeddedFiles": embedded} if embedded else {})}


def decoded(pdf: bytes) -> bytes:
    """The file with every stream in it decompressed: where embedded content would show."""
    document = reader(pdf)
    parts = [pdf]
    for number in range(1, int(document.trailer["/Size"])):
        obj = document.get_object(number)
        if hasattr(obj, "get_data"):
            parts.append(obj.get_data())
    return b"\n".join(parts)
