"""Connection URLs: the parts a page may show, and the secrets it may not.

A `ConnectionUrl` holds the real URL for the code that connects; its `str()`, `repr()` and
`masked` never show the password or secret query parameters, so passing one to a log call or an
f-string cannot leak it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlencode

from .catalog import engines

MASK = "****"

_SECRET_PARAMS = re.compile(r"pass|pwd|secret|token|key|auth|credential|signature|sig$|session", re.IGNORECASE)
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*):(?P<slashes>//)?(?P<rest>.*)$", re.DOTALL)
_KEYWORD_SECRET = re.compile(r"(?i)\b(password|passwd|pwd|sslpassword)\s*=\s*('[^']*'|\S+)")


@dataclass(frozen=True)
class ConnectionUrl:
    """A parsed connection URL. Only `secret_value()` returns the real text."""

    _raw: str = field(repr=False)
    scheme: str
    driver: str | None
    user: str | None
    host: str | None
    port: int | None
    database: str | None
    query: tuple[tuple[str, str], ...]
    """Query parameters, with secret values masked."""
    masked: str
    secrets: tuple[str, ...] = field(repr=False, default=())
    """Every secret the URL carries (password, tokens), for scrubbing driver error text."""

    @property
    def engine(self) -> str | None:
        return engines.normalize(self.scheme)

    def secret_value(self) -> str:
        return self._raw

    def __str__(self) -> str:
        return self.masked

    def scrub(self, text: str) -> str:
        """Remove this URL's secrets from text that a driver produced (error messages)."""
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, MASK)
        return text.replace(self._raw, self.masked) if self._raw else text


def parse(url: str) -> ConnectionUrl:
    """Parse a URL such as postgresql+psycopg://user:pw@host:5432/db?sslmode=require.

    Malformed text still gives a masked form: anything between `:` and `@` is hidden.
    """
    match = _URL.match(url.strip())
    if not match:
        masked = _KEYWORD_SECRET.sub(lambda m: f"{m.group(1)}={MASK}", url)
        found = tuple(m.group(2).strip("'") for m in _KEYWORD_SECRET.finditer(url))
        return ConnectionUrl(url, "", None, None, None, None, None, (), masked, found)
    scheme_full, slashes, rest = match.group("scheme"), match.group("slashes") or "", match.group("rest")
    scheme, _, driver = scheme_full.partition("+")
    rest = rest.partition("#")[0]
    rest, _, query_text = rest.partition("?")
    if slashes:
        netloc, slash, path = rest.partition("/")
    else:
        netloc, slash, path = "", "", rest
    userinfo, at, hostport = netloc.rpartition("@")
    user_text, colon, password = userinfo.partition(":")
    secrets: list[str] = []
    if password:
        secrets += [password, unquote(password)]
    query = tuple(parse_qsl(query_text, keep_blank_values=True))
    masked_query = []
    for key, value in query:
        if _SECRET_PARAMS.search(key) and value:
            secrets.append(value)
            masked_query.append((key, MASK))
        else:
            masked_query.append((key, value))
    host, port = _split_hostport(hostport)
    masked_netloc = hostport
    if at:
        masked_netloc = (unquote(user_text) if user_text else "") + (f":{MASK}" if colon else "") + "@" + hostport
    masked = f"{scheme_full}:{slashes}{masked_netloc}{slash}{path}"
    if masked_query:
        masked += "?" + urlencode(masked_query, safe="*/:")
    return ConnectionUrl(
        url,
        scheme.lower(),
        driver or None,
        unquote(user_text) if user_text else None,
        host,
        port,
        unquote(path) if path else None,
        tuple(masked_query),
        masked,
        tuple(s for s in dict.fromkeys(secrets) if s),
    )


def _split_hostport(hostport: str) -> tuple[str | None, int | None]:
    if not hostport:
        return None, None
    if hostport.startswith("["):
        host, _, after = hostport[1:].partition("]")
        port_text = after[1:] if after.startswith(":") else ""
    else:
        host, _, port_text = hostport.rpartition(":") if ":" in hostport else (hostport, "", "")
    port = int(port_text) if port_text.isdigit() else None
    if "," in hostport:  # several hosts (libpq failover): show them, no single port
        return hostport, None
    return unquote(host) or None, port


def mask(url: str) -> str:
    return parse(url).masked
