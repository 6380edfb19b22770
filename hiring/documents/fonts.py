"""The CJK font of the PDFs: Noto Sans CJK SC, cut down to the characters of each document.

WeasyPrint subsets every font it embeds, but keeps each glyph id below the highest one used
(HB_SUBSET_FLAGS_RETAIN_GIDS). Noto CJK's Chinese glyphs sit between ids 10 000 and 65 000,
so the CFF index of empty glyphs alone costs about 150 KB per face, however short the text.
Cutting the font down to the document's characters first (HarfBuzz, a few milliseconds,
subroutines kept) numbers the glyphs from 1, and WeasyPrint's own subset of that font costs
a few dozen KB. The cut font reaches WeasyPrint as a `data:` URI through the fetcher, like
an @font-face rule would bring it.

Without libharfbuzz-subset (see checks.py) the documents use the system font through
fontconfig instead: the same glyphs, a larger file.
"""

import string
import struct
import threading
from base64 import b64encode
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import cffi
from django.conf import settings

#: The system family the glyphs come from.
SYSTEM_FAMILY = "Noto Sans CJK SC"
#: The family name of the per-document font; print.css lists it first, before SYSTEM_FAMILY,
#: so browsers (which never see it) fall through to the system font.
DOCUMENT_FAMILY = "Document CJK"

# Always in the font: what CSS generated content (page counters) may add to the text.
BASE_CHARACTERS = frozenset(string.printable.strip() + " \u00a0•◦▪·–—→")

_ffi = cffi.FFI()
_ffi.cdef(
    """
    typedef struct hb_blob_t hb_blob_t;
    typedef struct hb_face_t hb_face_t;
    typedef struct hb_set_t hb_set_t;
    typedef struct hb_subset_input_t hb_subset_input_t;
    typedef uint32_t hb_codepoint_t;
    typedef uint32_t hb_tag_t;
    hb_blob_t * hb_blob_create_from_file_or_fail (const char *file_name);
    void hb_blob_destroy (hb_blob_t *blob);
    const char * hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
    hb_face_t * hb_face_create (hb_blob_t *blob, unsigned int index);
    unsigned int hb_face_get_glyph_count (const hb_face_t *face);
    void hb_face_make_immutable (hb_face_t *face);
    hb_blob_t * hb_face_reference_blob (hb_face_t *face);
    void hb_face_destroy (hb_face_t *face);
    void hb_set_add (hb_set_t *set, hb_codepoint_t codepoint);
    hb_tag_t hb_tag_from_string (const char *str, int len);
    hb_subset_input_t * hb_subset_input_create_or_fail (void);
    hb_set_t * hb_subset_input_unicode_set (hb_subset_input_t *input);
    hb_set_t * hb_subset_input_set (hb_subset_input_t *input, int set_type);
    hb_face_t * hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
    void hb_subset_input_destroy (hb_subset_input_t *input);

    typedef struct _FcPattern FcPattern;
    typedef unsigned char FcChar8;
    FcPattern * FcNameParse (const FcChar8 *name);
    int FcConfigSubstitute (void *config, FcPattern *pattern, int kind);
    void FcDefaultSubstitute (FcPattern *pattern);
    FcPattern * FcFontMatch (void *config, FcPattern *pattern, int *result);
    int FcPatternGetString (const FcPattern *pattern, const char *object, int n, FcChar8 **s);
    int FcPatternGetInteger (const FcPattern *pattern, const char *object, int n, int *i);
    void FcPatternDestroy (FcPattern *pattern);
    """
)
_HB_SUBSET_SETS_DROP_TABLE_TAG = 3
# Horizontal text only: the vertical metrics are dead weight. GSUB holds vertical forms and
# opt-in alternates that default Chinese and Latin text never uses; its glyph closure would
# double the cut (190 KB instead of 110 KB for a page) and the time to make it. GPOS stays for
# the kerning of Latin text.
_DROPPED_TABLES = (b"vhea", b"vmtx", b"VORG", b"GSUB")


def _dlopen(*names: str):
    for name in names:
        try:
            return _ffi.dlopen(name)
        except OSError:
            continue
    return None


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int


@cache
def system_font() -> FontFile | None:
    """Where fontconfig finds the regular face of Noto Sans CJK SC, or None."""
    configured = getattr(settings, "DOCUMENTS_CJK_FONT", None)
    if configured:
        return FontFile(path=str(configured[0]), index=int(configured[1]))
    fontconfig = _dlopen("libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll")
    if fontconfig is None:
        return None
    pattern = fontconfig.FcNameParse(f"{SYSTEM_FAMILY}:style=Regular".encode())
    fontconfig.FcConfigSubstitute(_ffi.NULL, pattern, 0)  # FcMatchPattern
    fontconfig.FcDefaultSubstitute(pattern)
    match = fontconfig.FcFontMatch(_ffi.NULL, pattern, _ffi.new("int *"))
    fontconfig.FcPatternDestroy(pattern)
    if match == _ffi.NULL:
        return None
    try:
        value = _ffi.new("FcChar8 **")
        families = []
        n = 0
        while fontconfig.FcPatternGetString(match, b"family", n, value) == 0:
            families.append(_ffi.string(value[0]).decode())
            n += 1
        # Fontconfig always answers with something; DejaVu is no CJK font.
        if SYSTEM_FAMILY not in families:
            return None
        if fontconfig.FcPatternGetString(match, b"file", 0, value) != 0:
            return None
        path = _ffi.string(value[0]).decode()
        index = _ffi.new("int *")
        fontconfig.FcPatternGetInteger(match, b"index", 0, index)
        return FontFile(path=path, index=index[0])
    finally:
        fontconfig.FcPatternDestroy(match)


class _Subsetter:
    """One HarfBuzz face of the system font per process; faces are immutable, so threads share."""

    def __init__(self):
        self._lock = threading.Lock()
        self._face = None
        self._libs = None

    def _load(self):
        with self._lock:
            if self._libs is None:
                harfbuzz = _dlopen("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll")
                subset = _dlopen(
                    "libharfbuzz-subset.so.0",
                    "libharfbuzz-subset.0.dylib",
                    "libharfbuzz-subset-0.dll",
                )
                font = system_font()
                self._libs = (harfbuzz, subset) if harfbuzz and subset and font else ()
                if self._libs:
                    blob = harfbuzz.hb_blob_create_from_file_or_fail(font.path.encode())
                    face = harfbuzz.hb_face_create(blob, font.index) if blob else _ffi.NULL
                    if blob:
                        harfbuzz.hb_blob_destroy(blob)  # the face holds its own reference
                    if face == _ffi.NULL or harfbuzz.hb_face_get_glyph_count(face) == 0:
                        self._libs = ()
                    else:
                        harfbuzz.hb_face_make_immutable(face)
                        self._face = face
        return self._libs

    def subset(self, characters: Iterable[str]) -> bytes | None:
        libs = self._load()
        if not libs:
            return None
        harfbuzz, subset = libs
        subset_input = subset.hb_subset_input_create_or_fail()
        if subset_input == _ffi.NULL:
            return None
        try:
            unicodes = subset.hb_subset_input_unicode_set(subset_input)
            for codepoint in sorted(
                {ord(c) for c in characters} | {ord(c) for c in BASE_CHARACTERS}
            ):
                harfbuzz.hb_set_add(unicodes, codepoint)
            dropped = subset.hb_subset_input_set(subset_input, _HB_SUBSET_SETS_DROP_TABLE_TAG)
            for tag in _DROPPED_TABLES:
                harfbuzz.hb_set_add(dropped, harfbuzz.hb_tag_from_string(tag, 4))
            face = subset.hb_subset_or_fail(self._face, subset_input)
        finally:
            subset.hb_subset_input_destroy(subset_input)
        if face == _ffi.NULL:
            return None
        try:
            blob = harfbuzz.hb_face_reference_blob(face)
            length = _ffi.new("unsigned int *")
            data = harfbuzz.hb_blob_get_data(blob, length)
            font = bytes(_ffi.buffer(data, length[0])) if length[0] else None
            harfbuzz.hb_blob_destroy(blob)
            return font
        finally:
            harfbuzz.hb_face_destroy(face)


_subsetter = _Subsetter()


# --- CIDs ---------------------------------------------------------------------------------
# In the PDF, each character is written as its glyph id in the font WeasyPrint embeds, and the
# font is declared /CIDFontType0 with Identity encoding. For a CID-keyed CFF font, viewers that
# follow the PDF specification (Acrobat, pdf.js) look that number up as a CID in the font's
# charset. Noto CJK numbers CIDs like glyph ids, so the full font is fine; the cut font keeps
# the original CIDs (glyph 96 has CID 721), so the charset is rewritten to glyph i = CID i.


def _read_index(data: bytes, pos: int) -> tuple[list[bytes], int]:
    """A CFF INDEX at `pos`: its items and the position after it."""
    count = struct.unpack_from(">H", data, pos)[0]
    if count == 0:
        return [], pos + 2
    off_size = data[pos + 2]
    offsets = [
        int.from_bytes(data[pos + 3 + i * off_size : pos + 3 + (i + 1) * off_size], "big")
        for i in range(count + 1)
    ]
    base = pos + 2 + (count + 1) * off_size  # offsets count from the byte before the data
    return [data[base + offsets[i] : base + offsets[i + 1]] for i in range(count)], (
        base + offsets[-1]
    )


def _read_dict(data: bytes) -> dict[int, list[float]]:
    """A CFF DICT: operator (12 x → 1200 + x) to operands."""
    result, operands, pos = {}, [], 0
    while pos < len(data):
        b0 = data[pos]
        if b0 <= 21:
            operator = 1200 + data[pos + 1] if b0 == 12 else b0
            pos += 2 if b0 == 12 else 1
            result[operator], operands = operands, []
        elif b0 == 28:
            operands.append(struct.unpack_from(">h", data, pos + 1)[0])
            pos += 3
        elif b0 == 29:
            operands.append(struct.unpack_from(">i", data, pos + 1)[0])
            pos += 5
        elif b0 == 30:  # a real number: skip its nibbles, never needed here
            pos += 1
            while data[pos] & 0x0F != 0x0F and data[pos] >> 4 != 0x0F:
                pos += 1
            pos += 1
            operands.append(0)
        elif 32 <= b0 <= 246:
            operands.append(b0 - 139)
            pos += 1
        elif 247 <= b0 <= 250:
            operands.append((b0 - 247) * 256 + data[pos + 1] + 108)
            pos += 2
        elif 251 <= b0 <= 254:
            operands.append(-(b0 - 251) * 256 - data[pos + 1] - 108)
            pos += 2
        else:
            raise ValueError(f"Unexpected byte {b0} in a CFF DICT")
    return result


def _charset_size(cff: bytes, pos: int, glyphs: int) -> int:
    kind = cff[pos]
    if kind == 0:
        return 1 + 2 * (glyphs - 1)
    covered, size = 1, 1
    while covered < glyphs:
        if kind == 1:
            covered += cff[pos + size + 2] + 1
            size += 3
        else:
            covered += struct.unpack_from(">H", cff, pos + size + 2)[0] + 1
            size += 4
    return size


def _identity_charset(cff: bytes) -> bytes:
    """The CFF table with its charset rewritten in place so that glyph i has CID i."""
    header_size = cff[2]
    _names, pos = _read_index(cff, header_size)
    top_dicts, _end = _read_index(cff, pos)
    top = _read_dict(top_dicts[0])
    if 1230 not in top or 15 not in top or 17 not in top:  # not CID-keyed: CIDs are glyph ids
        return cff
    glyphs = struct.unpack_from(">H", cff, int(top[17][0]))[0]
    start = int(top[15][0])
    size = _charset_size(cff, start, glyphs)
    if size == 1 + 2 * (glyphs - 1):
        charset = bytes([0]) + b"".join(struct.pack(">H", cid) for cid in range(1, glyphs))
    elif size >= 5:  # format 2, one range: CIDs 1 … glyphs - 1
        charset = struct.pack(">BHH", 2, 1, glyphs - 2)
    elif glyphs - 2 <= 255:  # format 1, one range
        charset = struct.pack(">BHB", 1, 1, glyphs - 2)
    else:
        raise ValueError("No room for an identity charset")
    # The new charset is never longer than the old one; what follows it stays where it was.
    return cff[:start] + charset + cff[start + len(charset) :]


def _with_identity_cids(font: bytes) -> bytes:
    """The OpenType font with an identity charset in its CFF table (and the table checksum)."""
    tables = struct.unpack_from(">H", font, 4)[0]
    for number in range(tables):
        record = 12 + 16 * number
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", font, record)
        if tag != b"CFF ":
            continue
        cff = _identity_charset(font[offset : offset + length])
        padded = cff + b"\0" * (-len(cff) % 4)
        checksum = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
        font = font[:offset] + cff + font[offset + length :]
        return font[: record + 4] + struct.pack(">I", checksum) + font[record + 8 :]
    return font


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
        font = _with_identity_cids(font)
    except (ValueError, IndexError, struct.error):
        return False  # a font this code does not understand: better big than wrong glyphs
    font_config.add_font_face(
        {
            "font_family": DOCUMENT_FAMILY,
            "src": [("external", f"data:font/otf;base64,{b64encode(font).decode()}")],
        },
        url_fetcher,
    )
    return True
