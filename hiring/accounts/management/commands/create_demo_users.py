import secrets

from django.core.management.base import BaseCommand

from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR
from hiring.accounts.services import user_create_or_reset

DEMO_USERS = [
    # (username, display name, role, may use Django admin)
    ("hr", "招聘专员 演示", HR, False),
    ("manager", "用人经理 演示", HIRING_MANAGER, False),
    ("admin", "能力库管理员 演示", CATALOG_ADMIN, True),
]


class Command(BaseCommand):
    help = "Creates or resets the demo accounts hr, manager and admin with fresh random passwords."

    def handle(self, *args, **options):
        for username, display_name, role, is_staff in DEMO_USERS:
            password = secrets.token_urlsafe(12)
            user_create_or_reset(
                username=username,
                password=password,
                display_name=display_name,
                role=role,
                is_staff=is_staff,
            )
            self.stdout.write(f"{username:<8} {password}   ({role})")
