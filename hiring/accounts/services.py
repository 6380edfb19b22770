from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction


@transaction.atomic
def user_create_or_reset(
    *, username: str, password: str, display_name: str, role: str, is_staff: bool = False
):
    """Creates the user, or resets the password and role of an existing one."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    user.first_name = display_name
    user.is_staff = is_staff
    user.is_active = True
    user.set_password(password)
    user.full_clean()
    user.save()
    user.groups.set([Group.objects.get(name=role)])
    return user
