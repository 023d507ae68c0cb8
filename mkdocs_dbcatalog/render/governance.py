"""Tags and owners on pages: badges that link to the Tags page, owners with a way to reach them,
and page tags for Material's tags plugin (front matter), all escaped for where they land."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..catalog.model import Owner
from ..catalog.tags import is_pii
from .filters import Safe, escape, escape_html, link, link_html
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


def badges(tags: Iterable[str], href: Callable[[str], str | None], html: bool = False) -> Safe:
    """Tags as Material's `md-tag` chips, each holding a link to `href(tag)` (a Markdown link to a
    page's src_uri and anchor, or with `html` the final URL); plain when it is None."""
    chips = []
    text, linked = (escape_html, link_html) if html else (escape, link)
    for tag in tags:
        css = "md-tag dbc-tag dbc-tag--pii" if is_pii((tag,)) else "md-tag dbc-tag"
        url = href(tag)
        chips.append(f'<span class="{css}">{text(tag) if url is None else linked(tag, url)}</span>')
    return Safe(" ".join(chips))


def owner_text(owner: Owner | None, html: bool = False) -> Safe:
    """`team (contact)`, or — for no owner (`html`: inside an HTML block)."""
    if owner is None:
        return Safe("—")
    text = escape_html if html else escape
    if not owner.contact:
        return Safe(text(owner.team))
    return Safe(f"{text(owner.team)} ({contact_text(owner.contact, html)})")


def contact_text(contact: str | None, html: bool = False) -> Safe:
    """An e-mail address or an https URL is a link; anything else (a chat channel) is text."""
    if not contact:
        return Safe("—")
    text, linked = (escape_html, link_html) if html else (escape, link)
    if _EMAIL.fullmatch(contact):
        return Safe(linked(contact, f"mailto:{contact}"))
    if _WEB.fullmatch(contact):
        return Safe(linked(contact, contact))
    return Safe(text(contact))


_UNESCAPED_BY_MATERIAL = frozenset("<>&\"'")


def fits_material(tag: str) -> bool:
    """Whether a tag can be handed to Material's tags plugin, whose templates print tag names
    without escaping them: one with HTML's special characters would be markup on every page."""
    return not _UNESCAPED_BY_MATERIAL.intersection(tag)


__all__ = ["badges", "contact_text", "fits_material", "owner_text", "tag_anchors"]
