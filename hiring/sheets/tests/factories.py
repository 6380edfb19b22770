from support.samples import make_sheet

__all__ = ["make_sheet"]
