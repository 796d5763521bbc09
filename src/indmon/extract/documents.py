"""Reading a release from disk: decoding, language and the document's identity.

Scraped releases come as UTF-8, UTF-8 with a byte-order mark, or GB18030 (the Chinese
national encoding that contains GBK and GB2312). The text is kept exactly as decoded,
newlines included, because fact offsets point into it.

A document is known by its content, never by its file name: ``Document.content_hash``
is the SHA-256 of the decoded text (the same release saved as UTF-8 or GB18030 has one
hash) and ``Document.source_id`` the content-addressed id the store cites it by.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indmon.errors import ExtractError
from indmon.extract.language import detect_language
from indmon.store.model import content_hash, document_id

#: encodings tried in order; the first that decodes the whole file wins
ENCODINGS = ("utf-8-sig", "gb18030")
#: file name endings read as release text
TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclass(frozen=True)
class Document:
    """A release as read: name, text, language and the file it came from."""

    #: the file name without extension: ``doc`` of the facts ``indmon extract`` writes
    doc: str
    text: str
    #: ``en`` or ``zh``
    lang: str
    #: the file it was read from (for display; never its identity)
    path: Path | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the document's identity, whatever its file is called."""
        return content_hash(self.text)

    @property
    def source_id(self) -> str:
        """The store's id for this document: its name and the start of its content hash,
        so that two different files of the same name are two sources."""
        return document_id(self.doc, self.text)


def decode(data: bytes, name: str) -> str:
    """Decode with the first encoding in ``ENCODINGS`` that fits the whole file."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractError(
        f"{name}: cannot decode as {' or '.join(ENCODINGS)}; save the release as UTF-8"
    )


def read_document(path: Path) -> Document:
    """Read one release file; raises ``ExtractError`` naming the file when it cannot."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    text = decode(data, str(path))
    if "\x00" in text:
        raise ExtractError(f"{path}: looks binary (NUL bytes); give a plain-text release")
    return Document(doc=path.stem, text=text, lang=detect_language(text), path=path)


def find_documents(paths: list[Path]) -> list[Path]:
    """Expand folders into the release files they hold (sorted); keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.iterdir()) if p.suffix.lower() in TEXT_SUFFIXES
                and p.name.lower() != "readme.md"
            )
        elif path.is_file():
            found.append(path)
        else:
            raise ExtractError(f"{path}: no such file or folder; give release files or a folder")
    return found
