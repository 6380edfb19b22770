"""What the quality rules read of a sheet. Kept apart from the rules, so that the sheets app
can build one without importing the rule engine (its lexicon, OpenCC)."""

from dataclasses import dataclass, field


@dataclass
class SheetSnapshot:
    sheet: object
    items: list = field(default_factory=list)  # included SheetItems, methods prefetched
    posting: object | None = None

    def methods(self, item) -> list:
        return list(item.methods.all())
