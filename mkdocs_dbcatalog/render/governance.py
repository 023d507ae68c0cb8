"""Tags and owners on pages: badges that link to the Tags page, owners with a way to reach them,
and page tags for Material's tags plugin (front matter), all escaped for where they land."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..catalog.model import Owner
from ..catalog.tags import is_pii
from .filters import Safe, escape, link
from .links import slugify

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WEB = re.compile(r"https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/%#?=&+-]*)?")


def tag_anchors(tags: Iterable[str]) -> dict[str, Safe]:
    """A unique `tag-<slug>` anchor per tag on the Tags page (`PII` and `pii` get two)."""
    anchors: dict[str, Safe] = {}
    taken: set[str] = set()
    for tag in sorted(tags, key=lambda t: (slugify(t), t)):
        base = f"tag-{slugify(tag)}"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        anchors[tag] = Safe(anchor)  # slugify keeps [a-z0-9._-] only
    return anchors


def badges(tags: Iterable[str], href: Callable[[str], str | None]) -> Safe:
    """Tags as Material's `md-tag` chips, each holding a Markdown link to `href(tag)` (a page's
    src_uri and anchor, so MkDocs turns it into the built page's URL); plain when it is None."""
    chips = []
    for tag in tags:
        css = "md-tag dbc-tag dbc-tag--pii" if is_pii((tag,)) else "md-tag dbc-tag"
        url = href(tag)
        chips.append(f'<span class="{css}">{escape(tag) if url is None else link(tag, url)}</span>')
    return Safe(" ".join(chips))


def owner_text(owner: Owner | None) -> Safe:
    """`team (contact)`, or — for no owner."""
    if owner is None:
        return Safe("—")
    if not owner.contact:
        return escape(owner.team)
    return Safe(f"{escape(owner.team)} ({contact_text(owner.contact)})")


def contact_text(contact: str | None) -> Safe:
    """An e-mail address or an https URL is a link; anything else (a chat channel) is text."""
    if not contact:
        return Safe("—")
    if _EMAIL.fullmatch(contact):
        return link(contact, f"mailto:{contact}")
    if _WEB.fullmatch(contact):
        return link(contact, contact)
    return escape(contact)


_UNESCAPED_BY_MATERIAL = frozenset("<>&\"'")


def fits_material(tag: str) -> bool:
    """Whether a tag can be handed to Material's tags plugin, whose templates print tag names
    without escaping them: one with HTML's special characters would be markup on every page."""
    return not _UNESCAPED_BY_MATERIAL.intersection(tag)


__all__ = ["badges", "contact_text", "fits_material", "owner_text", "tag_anchors"]
