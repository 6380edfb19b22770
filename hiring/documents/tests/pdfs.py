"""Reading the PDFs under test: text per page, fonts, attachments."""

import re
from io import BytesIO

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, NameObject, StreamObject

WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without any whitespace: CJK extraction inserts spaces and line breaks at will."""
    return WHITESPACE.sub("", text)


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    return PdfReader(BytesIO(pdf))


# A two-byte code space from 0000 to FFFF, as every font of our PDFs has.
TWO_BYTE_CODES = re.compile(rb"begincodespacerange\s*<0000>\s*<ffff>", re.IGNORECASE)


def _readable_codes(page) -> None:
    """Lets pypdf read the codes of every font of `page` as two bytes wide.

    Where a document holds a character that no font has, WeasyPrint draws it as .notdef
    and gives its font an embedded CMap as /Encoding (two-byte codes to CIDs, the missing
    character to CID 0) instead of /Identity-H. That is valid PDF (poppler's pdftotext reads
    the text whole), but pypdf (7.1) does not read embedded CMaps: it takes such a font for a
    simple font with one-byte codes, and every character drawn with it comes out as a NUL
    and a wrong character. Text needs only the codes' width, as the ToUnicode map is keyed
    by the codes themselves: /Identity-H says the same width and nothing more.
    """
    for font in _fonts_in(page.get("/Resources"), set()):
        encoding = font.get("/Encoding")
        if font.get("/Subtype") != "/Type0" or encoding is None:
            continue
        encoding = encoding.get_object()
        if isinstance(encoding, StreamObject) and TWO_BYTE_CODES.search(encoding.get_data()):
            font[NameObject("/Encoding")] = NameObject("/Identity-H")


def page_texts(pdf: bytes) -> list[str]:
    texts = []
    for page in reader(pdf).pages:
        _readable_codes(page)
        texts.append(squeeze(page.extract_text()))
    return texts


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
