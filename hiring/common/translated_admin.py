"""Admin for models with translated texts (see translated.py)."""

from django.core.exceptions import FieldDoesNotExist
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import get_translation_fields


class SideBySideTranslationAdmin(TranslationAdmin):
    """Each translated field's Chinese and English inputs on one line, side by side (they
    stack on a narrow screen); the other fields as declared."""

    def _translated_name(self, field) -> str | None:
        if not isinstance(field, str):
            return None
        try:
            translated = getattr(self.opts.get_field(field), "translated_field", None)
        except FieldDoesNotExist:
            return None
        return translated.name if translated is not None else None

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for title, options in super().get_fieldsets(request, obj):
            lines = []
            for field in options["fields"]:
                name = self._translated_name(field)
                if name is None:
                    lines.append(field)
                elif not (lines and isinstance(lines[-1], tuple) and field in lines[-1]):
                    lines.append(tuple(get_translation_fields(name)))
            fieldsets.append((title, {**options, "fields": lines}))
        return fieldsets
