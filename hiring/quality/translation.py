"""A finding's texts in Chinese and English, edited side by side in admin."""

from hiring.common.translated import register_translated

from .models import WordingRule

register_translated(WordingRule, fields=("message", "suggestion", "legal_basis"))
