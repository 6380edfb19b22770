"""Audits the pinned requirements for known vulnerabilities with pip-audit.

Fails on a vulnerability found. When the vulnerability database cannot be reached (no
network, or a package index that does not serve it) nothing could be audited: that is
reported and is not a failure, so an offline run of CI still passes.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNREACHABLE = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "timed out")


def main() -> int:
    pip_audit = os.environ.get("PIP_AUDIT", str(Path(sys.executable).with_name("pip-audit")))
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        result = subprocess.run(
            [
                pip_audit,
                "--requirement",
                str(ROOT / "requirements.txt"),
                # Every requirement is pinned with ==: audit exactly those, resolve nothing.
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(report),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if not report.exists() or not report.read_text():
            if any(marker in result.stderr for marker in UNREACHABLE):
                print("audit: the vulnerability database cannot be reached; nothing was audited")
                return 0
            sys.stderr.write(result.stderr)
            return result.returncode or 1
        dependencies = json.loads(report.read_text())["dependencies"]

    found = [
        (dependency, vulnerability)
        for dependency in dependencies
        for vulnerability in dependency.get("vulns", [])
    ]
    for dependency, vulnerability in found:
        fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed version yet"
        print(
            f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
            f"(fixed in {fixed})"
        )
    if found:
        print(f"audit: {len(found)} known vulnerabilities in requirements.txt")
        return 1
    audited = [d for d in dependencies if "skip_reason" not in d]
    if not audited:
        print("audit: the vulnerability database cannot be reached; nothing was audited")
        return 0
    skipped = len(dependencies) - len(audited)
    print(
        f"audit: {len(audited)} requirements audited, no known vulnerabilities ({skipped} skipped)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
