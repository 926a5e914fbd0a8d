"""A local wheelhouse of confterm's locked dependencies, made without the network.

Installing the built wheel "as a user would" (``uv tool install``, ``pipx install``) means
resolving its dependencies. Tests never reach a package index, and a fresh ``uv sync
--locked`` leaves no index pages in uv's cache for an offline resolve; but it has installed
every dependency, at its locked version, in this test's own environment. Each of them is
packed back into a wheel from the files its RECORD lists, with a fresh RECORD, so an
installer can take them from a folder (``--no-index --find-links``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import zipfile
from importlib import metadata
from pathlib import Path


def locked_runtime_requirements(repo: Path, uv: str) -> dict[str, str]:
    """``{name: version}`` of confterm's runtime dependencies, as ``uv.lock`` pins them."""
    exported = subprocess.run(
        [uv, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    pins: dict[str, str] = {}
    for line in exported.splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^\s;]+)", line)
        if match:
            pins[match[1]] = match[2]
    return pins


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def repack(name: str, version: str, into: Path) -> Path:
    """A wheel of the installed distribution ``name`` (which must be at ``version``)."""
    dist = metadata.distribution(name)
    assert dist.version == version, f"{name} {dist.version} installed, {version} locked"
    files = dist.files or []
    (record,) = [f for f in files if f.name == "RECORD" and f.parent.name.endswith(".dist-info")]
    info_dir = record.parent.name
    wheel_info = dist.read_text("WHEEL") or ""
    tags = [
        line.split(":", 1)[1].strip() for line in wheel_info.splitlines() if line.startswith("Tag:")
    ]
    assert tags, f"{name}: no Tag in WHEEL"
    # The file name carries the compressed tag set (py2-none-any + py3-none-any: py2.py3-none-any).
    parts = [dict.fromkeys(tag.split("-")[i] for tag in tags) for i in range(3)]
    tag = "-".join(".".join(part) for part in parts)
    stem = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    target = into / f"{stem}-{dist.version}-{tag}.whl"
    rows: list[str] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in files:
            posix = entry.as_posix()
            # Outside site-packages (scripts), written at install time, or bytecode: left out.
            if posix.startswith("..") or "__pycache__" in posix or posix == record.as_posix():
                continue
            if entry.parent.name == info_dir and entry.name in (
                "INSTALLER",
                "REQUESTED",
                "direct_url.json",
                "uv_cache.json",
            ):
                continue
            path = Path(str(entry.locate()))
            if not path.is_file():
                continue
            data = path.read_bytes()
            archive.writestr(posix, data)
            rows.append(f"{posix},{_digest(data)},{len(data)}")
        rows.append(f"{info_dir}/RECORD,,")
        archive.writestr(f"{info_dir}/RECORD", "\n".join(rows) + "\n")
    return target


def make_wheelhouse(repo: Path, uv: str, into: Path) -> dict[str, str]:
    """Fill ``into`` with a wheel of each locked runtime dependency; return the pins."""
    pins = locked_runtime_requirements(repo, uv)
    for name, version in pins.items():
        repack(name, version, into)
    return pins
