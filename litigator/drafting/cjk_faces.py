"""Standalone Simplified-Chinese faces for PDF conversion, cut from the system's Noto CJK collections.

Debian's fonts-noto-cjk ships collections (.ttc) whose faces share one CFF table, named after the
first (Japanese) face: a PDF then names every embedded CJK font ``NotoSerifCJKjp-*``, whichever face
LibreOffice used. This module copies the SC face of each collection into a standalone OpenType font
(the same glyphs, the SC face's own cmap and layout tables) whose CFF font name and PostScript name
say ``sc`` (``NotoSerifCJKsc-Regular``), under its own family (``Litigator Serif SC``), into a cache
folder, and writes a fontconfig file that puts it before ``Noto Serif CJK SC`` wherever that family
is asked for (pdf.py points LibreOffice at it). Built once from the installed fonts; nothing is
downloaded. Without fontTools, fc-match or the collections, conversion uses the shipped
configuration as before (the glyphs are SC either way; only the name says jp).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

# (Noto family asked of fontconfig, style) → our family and file
FACES = {
    ("Noto Serif CJK SC", "Regular"): ("Litigator Serif SC", "LitigatorSerifSC-Regular.otf"),
    ("Noto Serif CJK SC", "Bold"): ("Litigator Serif SC", "LitigatorSerifSC-Bold.otf"),
    ("Noto Sans CJK SC", "Regular"): ("Litigator Sans SC", "LitigatorSansSC-Regular.otf"),
    ("Noto Sans CJK SC", "Bold"): ("Litigator Sans SC", "LitigatorSansSC-Bold.otf"),
}
CONF_NAME = "fonts.conf"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "litigator" / "fonts"


def _locate(family: str, style: str) -> tuple[Path, int] | None:
    """The system file and face index fontconfig uses for a family and style (None: not a collection)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    out = subprocess.run([fc_match, "-f", "%{family[0]}|%{file}|%{index}", f"{family}:style={style}"],
                         capture_output=True, text=True, env=env, timeout=60).stdout
    parts = out.split("|")
    if len(parts) != 3 or parts[0] != family or not parts[1].lower().endswith(".ttc"):
        return None
    return Path(parts[1]), int(parts[2] or 0)


def _index(raw: bytes, pos: int) -> tuple[int, int, int]:
    """A CFF INDEX at ``pos``: (start of its data, end of its data, position after it)."""
    count = struct.unpack(">H", raw[pos:pos + 2])[0]
    if count == 0:
        return pos + 2, pos + 2, pos + 2
    off_size = raw[pos + 2]
    offsets = pos + 3
    last = int.from_bytes(raw[offsets + count * off_size:offsets + (count + 1) * off_size], "big")
    data = offsets + (count + 1) * off_size - 1
    return data + 1, data + last, data + last


RENAMES = ((b"CJKjp", b"CJKsc"), (b"CJK JP", b"CJK SC"))


def _renamed_cff(raw: bytes) -> bytes:
    """The CFF table with the Japanese face's names (the font name, and in the String INDEX the names of
    the CID font's dictionaries and its full and family names) replaced by the SC ones. Each
    replacement has the same length, so no offset in the table changes."""
    names = _index(raw, raw[2])
    top = _index(raw, names[2])
    strings = _index(raw, top[2])
    out = bytearray(raw)
    for start, end, _ in (names, strings):
        chunk = bytes(out[start:end])
        for old, new in RENAMES:
            chunk = chunk.replace(old, new)
        out[start:end] = chunk
    if b"CJKjp" in bytes(out[names[0]:names[1]]) or len(out) != len(raw):
        raise ValueError("the CFF font name was not renamed")
    return bytes(out)


def _cut(source: Path, index: int, family: str, style: str, target: Path) -> None:
    from fontTools.ttLib import TTCollection
    from fontTools.ttLib.tables.DefaultTable import DefaultTable

    font = TTCollection(str(source), lazy=True).fonts[index]
    font.recalcBBoxes = False
    font.recalcTimestamp = False
    name = font["name"]
    postscript = name.getDebugName(6) or ""
    if "sc-" not in postscript:
        raise ValueError(f"face {index} of {source} is {postscript}, not an SC face")
    cff = DefaultTable("CFF ")
    cff.data = _renamed_cff(font.reader["CFF "])
    font["CFF "] = cff
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 16, 17)]
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(family, 1, platform, encoding, language)
        name.setName(style, 2, platform, encoding, language)
        name.setName(f"{family} {style}", 3, platform, encoding, language)
        name.setName(f"{family} {style}" if style != "Regular" else family, 4, platform, encoding, language)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as tmp:
        staged = Path(tmp.name)
    try:
        font.save(str(staged))
        staged.chmod(0o644)
        staged.replace(target)
    finally:
        staged.unlink(missing_ok=True)


def _conf(folder: Path, shipped: Path, families: dict[str, str]) -> str:
    prepend = "".join(
        f'  <match target="pattern">\n    <test name="family"><string>{noto}</string></test>\n'
        f'    <edit name="family" mode="prepend" binding="strong"><string>{ours}</string></edit>\n  </match>\n'
        for noto, ours in families.items())
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
            "<!-- Written by litigator/drafting/cjk_faces.py: the standalone SC faces, then the shipped\n"
            "     configuration, then each Noto SC family preceded by its standalone face. -->\n"
            f"<fontconfig>\n  <dir>{folder}</dir>\n  <include>{shipped}</include>\n{prepend}</fontconfig>\n")


def runtime_conf(shipped: Path) -> Path | None:
    """A fontconfig file using the standalone SC faces (built on first use), or None when they cannot be
    built here (then the shipped configuration is used)."""
    try:
        import fontTools  # noqa: F401
    except ImportError:
        return None
    folder = cache_dir()
    families: dict[str, str] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for (noto, style), (ours, file_name) in FACES.items():
            found = _locate(noto, style)
            if found is None:
                continue
            source, index = found
            stat = source.stat()
            stamp = hashlib.sha256(f"{source}|{index}|{stat.st_size}|{stat.st_mtime_ns}|2".encode()).hexdigest()
            target, stamp_file = folder / file_name, folder / (file_name + ".source")
            if not (target.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp):
                _cut(source, index, ours, style, target)
                stamp_file.write_text(stamp)
            families[noto] = ours
        if not families:
            return None
        conf = folder / CONF_NAME
        text = _conf(folder, shipped, families)
        if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
            staged = folder / (CONF_NAME + ".tmp")
            staged.write_text(text, encoding="utf-8")
            staged.replace(conf)
        return conf
    except (OSError, ValueError, subprocess.SubprocessError, KeyError):
        return None
