"""How the app names a person, everywhere: the full name, or the user name when none is set."""


def name_from(*, username: str | None, first_name: str | None, last_name: str | None) -> str:
    """`display_name` from a row's values, for lists that read users as values."""
    return f"{first_name or ''} {last_name or ''}".strip() or (username or "")


def display_name(user) -> str:
    """The name shown for `user`; empty for no user."""
    if user is None:
        return ""
    return name_from(
        username=getattr(user, "username", ""),
        first_name=getattr(user, "first_name", ""),
        last_name=getattr(user, "last_name", ""),
    )
