"""Where a SPARQL server answers, the account that writes to it, and how its failures read."""

from __future__ import annotations

from dataclasses import dataclass, field

from mandates import iris
from mandates.config import Settings
from mandates.errors import StoreError

#: The backend's own graphs on the server: the merge of the named graphs (what the embedded
#: store keeps as its default graph) and the record of the version in service.
MERGED = iris.graph("merged", "")
STATE = iris.graph("store", "")


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where the server answers, and the account that writes (from the settings)."""

    query: str
    update: str
    graphs: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 600.0

    @classmethod
    def from_settings(cls, url: str, settings: Settings | None = None) -> Endpoints:
        s = settings or Settings()
        return cls(
            query=url,
            update=s.store_update_url or url,
            graphs=s.store_graph_url or None,
            user=s.store_user or None,
            password=s.store_password or None,
        )


class ServerError(StoreError, ConnectionError):
    """The server did not answer, or refused: a store error that is also a connection error
    (query workers answer it as an error of the endpoint, the command line prints it)."""


def _unreachable(url: str, err: Exception) -> ServerError:
    return ServerError(f"the SPARQL server did not answer: {err}", url)
