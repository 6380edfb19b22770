"""The CJK font of the PDFs: Noto Sans CJK SC, cut down to the characters of each document.

WeasyPrint subsets every font it embeds, but keeps each glyph id below the highest one used
(HB_SUBSET_FLAGS_RETAIN_GIDS). Noto CJK's Chinese glyphs sit between ids 10 000 and 65 000,
so the CFF index of empty glyphs alone costs about 150 KB per face, however short the text.
Cutting the font down to the document's characters first (HarfBuzz, a few milliseconds,
subroutines kept) numbers the glyphs from 1, and WeasyPrint's own subset of that font costs
a few dozen KB. The cut font reaches WeasyPrint as a `data:` URI through the fetcher, like
an @font-face rule would bring it.

The cut is made with uharfbuzz (HarfBuzz's subsetter, shipped in the wheel), the CID charset
of the cut with fontTools' cffLib. Should the cut fail, the documents use the system font
through fontconfig instead: the same glyphs, a larger file.
"""

import string
import threading
from base64 import b64encode
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from io import BytesIO

import uharfbuzz as hb
from django.conf import settings
from fontTools.cffLib import CFFFontSet
from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.tables.DefaultTable import DefaultTable
from weasyprint.text.fonts import FontConfiguration

#: The system family the glyphs come from.
SYSTEM_FAMILY = "Noto Sans CJK SC"
#: The family name of the per-document font; print.css lists it first, before SYSTEM_FAMILY,
#: so browsers (which never see it) fall through to the system font.
DOCUMENT_FAMILY = "Document CJK"

# Always in the font: what CSS generated content (page counters) may add to the text.
BASE_CHARACTERS = frozenset(string.printable.strip() + " \u00a0•◦▪·–—→")

# Horizontal text only: the vertical metrics are dead weight. GSUB holds vertical forms and
# opt-in alternates that default Chinese and Latin text never uses; its glyph closure would
# double the cut (190 KB instead of 110 KB for a page) and the time to make it. GPOS stays for
# the kerning of Latin text.
_DROPPED_TABLES = ("vhea", "vmtx", "VORG", "GSUB")


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int


def _fontconfig_file(family: str) -> str | None:
    """The file fontconfig picks for the regular face of `family`, if it is that family.

    Through the fontconfig library WeasyPrint itself loads (and renders the text with).
    """
    from weasyprint.text.ffi import ffi, fontconfig

    pattern = fontconfig.FcPatternCreate()
    try:
        fontconfig.FcPatternAddString(pattern, b"family", family.encode())
        fontconfig.FcPatternAddString(pattern, b"style", b"Regular")
        fontconfig.FcConfigSubstitute(ffi.NULL, pattern, 0)  # FcMatchPattern
        fontconfig.FcDefaultSubstitute(pattern)
        match = fontconfig.FcFontMatch(ffi.NULL, pattern, ffi.new("FcResult *"))
    finally:
        fontconfig.FcPatternDestroy(pattern)
    if match == ffi.NULL:
        return None
    try:
        value = ffi.new("FcChar8 **")
        families, n = [], 0
        while fontconfig.FcPatternGetString(match, b"family", n, value) == 0:
            families.append(ffi.string(value[0]).decode())
            n += 1
        # Fontconfig always answers with something; DejaVu is no CJK font.
        if family not in families or fontconfig.FcPatternGetString(match, b"file", 0, value):
            return None
        return ffi.string(value[0]).decode()
    finally:
        fontconfig.FcPatternDestroy(match)


def _face_index(path: str, family: str) -> int | None:
    """Which face of a font file (a collection holds several) is the regular `family`."""
    blob = hb.Blob.from_file_path(path)
    faces = hb.Face(blob).count or 1
    for index in range(faces):
        name = hb.Face(blob, index).get_name(hb.OTNameIdPredefined.FONT_FAMILY)
        if name == family:
            return index
    return None


@cache
def system_font() -> FontFile | None:
    """Where fontconfig finds the regular face of Noto Sans CJK SC, or None."""
    configured = getattr(settings, "DOCUMENTS_CJK_FONT", None)
    if configured:
        return FontFile(path=str(configured[0]), index=int(configured[1]))
    try:
        path = _fontconfig_file(SYSTEM_FAMILY)
    except (ImportError, OSError, AttributeError):
        return None
    if path is None:
        return None
    index = _face_index(path, SYSTEM_FAMILY)
    return None if index is None else FontFile(path=path, index=index)


#: HarfBuzz ≥ 10 can number the CIDs of the cut 1, 2, 3 … itself (see "CIDs" below), in the
#: subsetter and at no cost; where it cannot, fontTools rewrites the charset afterwards.
IDENTITY_CHARSET_FLAG = getattr(hb.SubsetFlags, "CFF_IDENTITY_CHARSET", None)


class _Subsetter:
    """One HarfBuzz face of the system font per process; faces are immutable, so threads share."""

    def __init__(self):
        self._lock = threading.Lock()
        self._loaded = False
        self._face: hb.Face | None = None

    def _load(self) -> hb.Face | None:
        with self._lock:
            if not self._loaded:
                font = system_font()
                if font is not None:
                    face = hb.Face(hb.Blob.from_file_path(font.path), font.index)
                    self._face = face if face.glyph_count else None
                self._loaded = True
        return self._face

    def subset(self, characters: Iterable[str]) -> bytes | None:
        face = self._load()
        if face is None:
            return None
        subset_input = hb.SubsetInput()
        subset_input.unicode_set.update(
            {ord(c) for c in characters} | {ord(c) for c in BASE_CHARACTERS}
        )
        subset_input.drop_table_tag_set.update(
            int.from_bytes(tag.encode("ascii"), "big") for tag in _DROPPED_TABLES
        )
        if IDENTITY_CHARSET_FLAG is not None:
            subset_input.flags |= IDENTITY_CHARSET_FLAG
        try:
            cut = hb.subset(face, subset_input)
        except Exception:  # uharfbuzz reports a failed subset as a plain exception
            return None
        return cut.blob.data or None


_subsetter = _Subsetter()


# --- CIDs ---------------------------------------------------------------------------------
# In the PDF, each character is written as its glyph id in the font WeasyPrint embeds, and the
# font is declared /CIDFontType0 with Identity encoding. For a CID-keyed CFF font, viewers that
# follow the PDF specification (Acrobat, pdf.js) look that number up as a CID in the font's
# charset. Noto CJK numbers CIDs like glyph ids, so the full font is fine; a plain cut keeps
# the original CIDs (glyph 96 has CID 721), so its charset must say glyph i = CID i. HarfBuzz
# writes it so when asked (IDENTITY_CHARSET_FLAG); otherwise fontTools reads and writes the
# CFF table of the cut font (a few hundred glyphs, some 40 ms), the other tables copied as is.


def _with_identity_cids(font: bytes) -> bytes:
    """The OpenType font with an identity charset in its CFF table."""
    document = TTFont(BytesIO(font), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    if "CFF " not in document:
        return font
    cff = CFFFontSet()
    cff.decompile(BytesIO(document.reader["CFF "]), document, isCFF2=False)
    top = cff.topDictIndex[0]
    if not hasattr(top, "ROS"):  # not CID-keyed: CIDs are glyph ids already
        return font
    old_names = top.charset
    new_names = [".notdef"] + [f"cid{cid:05d}" for cid in range(1, len(old_names))]
    if old_names == new_names:
        return font
    charstrings = top.CharStrings
    charstrings.charStrings = {
        new: charstrings.charStrings[old] for old, new in zip(old_names, new_names, strict=True)
    }
    top.charset = new_names
    table = BytesIO()
    cff.compile(table, document, isCFF2=False)
    raw = DefaultTable("CFF ")
    raw.data = table.getvalue()
    document["CFF "] = raw
    output = BytesIO()
    document.save(output, reorderTables=False)
    return output.getvalue()


def add_document_font(font_config, *, text: str, url_fetcher) -> bool:
    """Declares DOCUMENT_FAMILY in `font_config`: a font with every character of `text`.

    Does what an @font-face rule with a `data:` URI would, without making tinycss2 tokenize
    a few hundred KB of base64 on every render. False when HarfBuzz cannot cut the font:
    the documents then fall back to the system font through fontconfig.
    """
    font = _subsetter.subset(set(text))
    if font is None:
        return False
    try:
        if IDENTITY_CHARSET_FLAG is None:
            font = _with_identity_cids(font)
    except (TTLibError, ValueError, IndexError, KeyError, AssertionError):
        return False  # a font this code does not understand: better big than wrong glyphs
    font_config.add_font_face(
        {
            "font_family": DOCUMENT_FAMILY,
            "src": [("external", f"data:font/otf;base64,{b64encode(font).decode()}")],
        },
        url_fetcher,
    )
    return True


class _FontConfigurations:
    """A few recent font configurations, by the characters their document font holds.

    A configuration is WeasyPrint's and Pango's view of the fonts, with their caches of glyph
    shapes and metrics; building one and declaring the cut font in it costs about 15 ms, and
    its caches start cold. The same sheet rendered again (or a sheet with the same characters)
    reuses it. Pango is not thread-safe: a configuration serves one render at a time.
    """

    SIZE = 4

    def __init__(self):
        self._lock = threading.Lock()
        self._entries: OrderedDict[frozenset, tuple[FontConfiguration, threading.Lock]] = (
            OrderedDict()
        )

    @contextmanager
    def use(self, *, text: str, url_fetcher) -> Iterator[FontConfiguration]:
        characters = frozenset(text)
        with self._lock:
            entry = self._entries.get(characters)
            if entry is not None:
                self._entries.move_to_end(characters)
        if entry is None:
            font_config = FontConfiguration()
            add_document_font(font_config, text=text, url_fetcher=url_fetcher)
            entry = (font_config, threading.Lock())
            with self._lock:
                self._entries[characters] = entry
                while len(self._entries) > self.SIZE:
                    self._entries.popitem(last=False)
        font_config, in_use = entry
        if not in_use.acquire(blocking=False):
            # Another thread renders with it right now: a fresh one rather than a wait.
            font_config = FontConfiguration()
            add_document_font(font_config, text=text, url_fetcher=url_fetcher)
            yield font_config
            return
        try:
            yield font_config
        finally:
            in_use.release()


font_configurations = _FontConfigurations()
