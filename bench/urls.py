from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Permission
from django.shortcuts import render
from django.urls import include, path


@login_required
def peer(request):
    """A bare Django page: a logged-in user, 20 rows, a small template."""
    rows = Permission.objects.order_by("pk")[:20]
    return render(request, "bench/peer.html", {"rows": rows})


urlpatterns = [
    path("bench/peer/", peer, name="bench-peer"),
    path("", include("hiring.urls")),
]
