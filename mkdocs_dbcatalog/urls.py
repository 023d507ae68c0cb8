"""Connection URLs: the parts a page may show, and the secrets it may not.

A `ConnectionUrl` holds the real URL for the code that connects; its `str()`, `repr()` and
`masked` never show the password or secret query parameters, so passing one to a log call or an
f-string cannot leak it.

Masking is structural: the password of a URL's userinfo (`user:****@host`, with or without a
scheme, parsable or not) and the values of secret parameters (`?token=****`, `password=****`)
are hidden where they occur. A password is never searched for as a word, so a short one cannot
mangle a message (`Connection refused`) and one with an unencoded `@` cannot leak its tail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

from .catalog import engines

MASK = "****"

_SECRET_PARAMS = re.compile(r"pass|pwd|secret|token|key|auth|credential|signature|sig$|session", re.IGNORECASE)
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9_+.\-]*):(?P<slashes>//)?(?P<rest>.*)$", re.DOTALL)
_KEYWORD_SECRET = re.compile(r"""(?i)\b(\w*(?:password|passwd|pwd))(\s*=\s*)('[^']*'|"[^"]*"|[^\s;&,'"]+)""")
"""`password=...` as libpq keyword strings, ODBC (`PWD=...;`) and environment settings (`PGPASSWORD=`) write it."""
_TOKEN = re.compile(r"""[^\s'"<>`]*(?:@|://|=)[^\s'"<>`]*""")
"""A run of text that may hold userinfo or parameters: bounded by spaces, quotes and brackets of markup."""
_NOT_CREDENTIALS = ("mailto:",)
"""`scheme:user@host` forms whose part before `@` is an address, not `user:password`."""


def mask(url: str) -> str:
    """The whole text as one connection URL, masked whether it parses or not."""
    return _KEYWORD_SECRET.sub(_mask_keyword, _mask_token(url.strip()))


def may_mask(text: str) -> bool:
    """False when `mask_text` leaves the text as it is: it holds no userinfo (`@`), no query (`?`
    with `=`) and no `password=`-like setting. True of any text containing one that is true, so
    `rewrite.map_text` can test all the texts of an object joined together."""
    if "@" in text:
        return True
    if "=" not in text:
        return False
    if "?" in text:
        return True
    lowered = text.lower()
    return "pwd" in lowered or "passw" in lowered


def mask_text(text: str) -> str:
    """Free text (a description, a command, a driver's message) with every URL, `user:password@host`
    and secret `key=value` in it masked where it occurs; everything else is left as written."""
    if not may_mask(text):
        return text
    return _KEYWORD_SECRET.sub(_mask_keyword, _TOKEN.sub(lambda m: _mask_token(m.group(0)), text))


def _mask_keyword(match: re.Match[str]) -> str:
    return f"{match.group(1)}{match.group(2)}{MASK}"


def _mask_token(token: str) -> str:
    """`[scheme://][user[:password]@]host...[?params]` with the password and secret parameters masked.

    The userinfo ends at the token's last `@` (before the query when there is one there), as a
    password may hold an unencoded `@`, `/` or `:`: over-masking a strange URL is the safe side.
    """
    scheme_end = token.find("://")
    start = scheme_end + 3 if scheme_end >= 0 else 0
    body = token[start:]
    query_at = body.find("?")
    at = body.rfind("@", 0, query_at if query_at >= 0 else len(body))
    if at < 0 and query_at >= 0:
        at = body.rfind("@")  # a `?` inside the password
    if at >= 0:
        userinfo, rest = body[:at], body[at:]
        user, colon, _ = userinfo.partition(":")
        if colon and not (scheme_end < 0 and token.lower().startswith(_NOT_CREDENTIALS)):
            body = f"{user}:{MASK}{rest}"
    query_at = body.find("?", body.find("@") + 1)
    if query_at >= 0:
        body = body[: query_at + 1] + _mask_query(body[query_at + 1 :])
    return token[:start] + body


def _mask_query(query: str) -> str:
    parts = re.split(r"([&;])", query)
    for i in range(0, len(parts), 2):
        key, equals, value = parts[i].partition("=")
        if equals and value and _SECRET_PARAMS.search(unquote(key)):
            parts[i] = f"{key}={MASK}"
    return "".join(parts)


@dataclass(frozen=True)
class ConnectionUrl:
    """A parsed connection URL. Only the `secret_*` methods return real secrets."""

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
    problem: str | None = None
    """Why the URL cannot be used to connect (no scheme, a port that is not a number...), if it cannot."""
    _password: str | None = field(repr=False, default=None)
    _query: tuple[tuple[str, str], ...] = field(repr=False, default=())

    @property
    def engine(self) -> str | None:
        return engines.normalize(self.scheme)

    def secret_value(self) -> str:
        return self._raw

    def secret_password(self) -> str | None:
        """The password, decoded, for the driver."""
        return self._password

    def secret_query(self) -> tuple[tuple[str, str], ...]:
        """The query parameters with their real values, for the driver."""
        return self._query

    def __str__(self) -> str:
        return self.masked

    def scrub(self, text: str) -> str:
        """Driver text with this URL shown masked and any credentials in it masked where they occur."""
        if self._raw:
            text = text.replace(self._raw, self.masked)
        return mask_text(text)


def parse(url: str) -> ConnectionUrl:
    """Parse a URL such as postgresql+psycopg://user:pw@host:5432/db?sslmode=require.

    Any text gives a masked form; `problem` says why text that does not parse cannot be connected to.
    """
    text = url.strip()
    masked = mask(text)
    match = _URL.match(text)
    if not match or not match.group("slashes"):
        return ConnectionUrl(
            url, "", None, None, None, None, None, (), masked, "the URL does not start with engine://"
        )
    scheme_full, rest = match.group("scheme"), match.group("rest")
    scheme, _, driver = scheme_full.partition("+")
    rest, _, query_text = rest.partition("#")[0].partition("?")
    # The userinfo ends at the last `@`: a password may hold an unencoded `@` or `/`.
    at = rest.rfind("@")
    userinfo, hostpart = (rest[:at], rest[at + 1 :]) if at >= 0 else ("", rest)
    hostport, slash, path = hostpart.partition("/")
    user_text, colon, password = userinfo.partition(":")
    query = tuple(parse_qsl(query_text, keep_blank_values=True))
    masked_query = tuple((k, MASK if v and _SECRET_PARAMS.search(k) else v) for k, v in query)
    host, port, problem = _split_hostport(hostport)
    return ConnectionUrl(
        url,
        scheme.lower(),
        driver or None,
        unquote(user_text) if user_text else None,
        host,
        port,
        unquote(path) if slash and path else None,
        masked_query,
        masked,
        problem,
        unquote(password) if colon else None,
        query,
    )


def _split_hostport(hostport: str) -> tuple[str | None, int | None, str | None]:
    """Host, port, and what is wrong with them, if anything."""
    if not hostport:
        return None, None, None
    if "," in hostport:  # several hosts (libpq failover): show them, no single port
        return hostport, None, None
    if hostport.startswith("["):
        host, bracket, after = hostport[1:].partition("]")
        if not bracket:
            return unquote(host) or None, None, f"the IPv6 host [{host} has no closing ']'"
        if after and not after.startswith(":"):
            return host, None, f"unexpected {after!r} after the IPv6 host [{host}]"
        port_text = after[1:]
    else:
        host, _, port_text = hostport.rpartition(":") if ":" in hostport else (hostport, "", "")
    if port_text and not (port_text.isascii() and port_text.isdigit() and 0 < int(port_text) < 65536):
        return unquote(host) or None, None, f"the port {port_text!r} is not a number from 1 to 65535"
    return unquote(host) or None, int(port_text) if port_text else None, None
