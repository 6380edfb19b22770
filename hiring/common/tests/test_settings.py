import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run_check(settings: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


SECRET = "a-long-random-production-secret-" + "x" * 40


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check("hiring.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    result = _run_check(
        "hiring.settings.production", SECRET_KEY=SECRET, ALLOWED_HOSTS="hiring.example.com"
    )
    assert result.returncode != 0
    assert "Set the DATABASE_URL environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_check(
        "hiring.settings.production", SECRET_KEY=SECRET, DATABASE_URL="sqlite:////tmp/unused.db"
    )
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = _run_check(
        "hiring.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="hiring.example.com",
        DATABASE_URL="sqlite:////tmp/unused.db",
    )
    assert result.returncode == 0, result.stdout + result.stderr
