"""System checks: the PDF renderer needs HarfBuzz subsetting, the CJK font and its time limit."""

from django.core.checks import Error, register

from . import deadline

HARFBUZZ_HINT = (
    "Install it: apt-get install libharfbuzz-subset0 (Debian/Ubuntu), then restart the server."
)


def harfbuzz_subset_problem(*, subset_library, harfbuzz_library) -> str | None:
    """Why WeasyPrint would subset fonts with fontTools, or None when it uses HarfBuzz.

    Mirrors `weasyprint.pdf.fonts.Font.subset`: HarfBuzz-Subset is used when the library was
    loaded and HarfBuzz is at least 4.1.0; otherwise fontTools, which takes seconds per page
    of Chinese text instead of a fraction of a second.
    """
    if subset_library is None:
        return "libharfbuzz-subset could not be loaded"
    if not harfbuzz_library.hb_version_atleast(4, 1, 0):
        return "HarfBuzz is older than 4.1.0"
    return None


@register()
def check_pdf_renderer(app_configs=None, **kwargs):
    try:
        from weasyprint.pdf import fonts as weasyprint_fonts
    except (ImportError, OSError) as error:
        return [
            Error(
                f"WeasyPrint cannot be loaded: {error}",
                hint="Install Pango and HarfBuzz: apt-get install libpango-1.0-0 "
                "libpangoft2-1.0-0 libharfbuzz-subset0",
                id="documents.E001",
            )
        ]
    messages = []
    problem = harfbuzz_subset_problem(
        subset_library=weasyprint_fonts.harfbuzz_subset,
        harfbuzz_library=weasyprint_fonts.harfbuzz,
    )
    if problem:
        messages.append(
            Error(
                f"PDF fonts would be subset with fontTools ({problem}): about 7 s per page "
                "instead of 0.2 s.",
                hint=HARFBUZZ_HINT,
                id="documents.E002",
            )
        )
    from .fonts import SYSTEM_FAMILY, system_font

    if system_font() is None:
        messages.append(
            Error(
                f"Fontconfig finds no {SYSTEM_FAMILY}: Chinese text in PDFs would be missing.",
                hint="Install it: apt-get install fonts-noto-cjk",
                id="documents.E003",
            )
        )
    if not deadline.is_enforced():
        messages.append(
            Error(
                "PDF renders have no time limit: WeasyPrint's progress reports reach no "
                "RenderDeadline handler.",
                hint=f'LOGGING must send the "{deadline.PROGRESS_LOGGER}" logger at level INFO '
                "to the handler hiring.documents.deadline.RenderDeadline, as "
                "hiring/settings/base.py does.",
                id="documents.E004",
            )
        )
    return messages
