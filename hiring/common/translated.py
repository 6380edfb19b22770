"""Texts that admins write in every language of the site (django-modeltranslation).

A registered field `name` gets a column per language, `name_zh_hans` and `name_en`; reading
`obj.name` gives the active language's value, or the Chinese one where that is empty. Chinese
is required wherever the field itself is; other languages are optional.
"""

from contextlib import contextmanager

import simple_history
from django.conf import settings
from django.utils import translation
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def register_translated(
    model,
    *,
    fields: tuple[str, ...],
    history_m2m: tuple[str, ...] = (),
    english_max_length: dict[str, int] | None = None,
):
    """Registers the `fields` of `model` for translation, then its change history.

    `english_max_length` gives an English field more room than the Chinese one, where a
    translation needs it and nothing copies the text into a narrower column.

    History comes second so that its table has every language's column: a version restored
    from history keeps its English as well as its Chinese. (A model registered here must not
    declare `history = HistoricalRecords()` itself.)
    """
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        {
            "fields": fields,
            "required_languages": (DEFAULT_LANGUAGE,),
            # A unique text not yet translated is NULL, which a unique column lets repeat
            # (an empty string would clash with the next untranslated row).
            "empty_values": {name: None for name in fields if model._meta.get_field(name).unique},
            "field_options": {
                name: _field_options(model, name, english_max_length) for name in fields
            },
        },
    )
    translator.register(model, options)
    simple_history.register(model, m2m_fields=list(history_m2m))
    # The history's copy of `name_en` still describes itself as the model's `name`, unique
    # included; history rows repeat values, so let it describe the history's own `name`.
    history = model.history.model
    for field in history._meta.fields:
        if isinstance(field, TranslationField):
            field.translated_field = history._meta.get_field(field.translated_field.name)


def _field_options(model, name: str, english_max_length: dict[str, int] | None) -> dict:
    """Options of the language fields of `name`: an empty text is "" like the field's own,
    except in a unique field (see `empty_values`); English may be given more room."""
    options = {} if model._meta.get_field(name).unique else {"default": ""}
    english = dict(options)
    if english_max_length and name in english_max_length:
        english["max_length"] = english_max_length[name]
    return {"default": options, "en": english}


def language_code(language: str | None) -> str:
    """One of settings.LANGUAGES for a code such as "en-us" or "zh-cn"."""
    try:
        return translation.get_supported_language_variant(language or DEFAULT_LANGUAGE)
    except LookupError:
        return DEFAULT_LANGUAGE


def text_in(obj, field: str, language: str) -> str:
    """`obj.field` as a reader of `language` sees it: that language's value, else Chinese."""
    for code in resolution_order(language_code(language)):
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if value:
            return value
    return getattr(obj, field)


@contextmanager
def content_language(language: str):
    """Catalog texts read inside are those of `language` (a sheet's content language)."""
    with translation.override(language_code(language)):
        yield
