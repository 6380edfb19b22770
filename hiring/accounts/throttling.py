"""Login throttling (django-axes) whose reset on a successful login holds.

django-axes resets on success every attempt that matches any lockout parameter of the login,
the address included: a login as oneself would clear the failures that the same address
collected against other accounts, and guessing another person's password could go on for
ever in rounds. Here a successful login clears the failures of its own user name only.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt


class AccountResetHandler(AxesDatabaseHandler):
    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _deleted = AccessAttempt.objects.filter(username=username).delete()
        return count
