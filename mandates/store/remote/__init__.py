"""A SPARQL 1.1 server as the store (Virtuoso tested): the same contract as the embedded one.

- :mod:`.endpoints`: where the server answers and who writes;
- :mod:`.reader`: :class:`RemoteStore`, reads shaped like ``pyoxigraph.Store``;
- :mod:`.writer`: uploads and updates;
- :mod:`.root`: :class:`RemoteRoot`, versions prepared locally, validated, then published.
"""

from .endpoints import MERGED, STATE, Endpoints, ServerError, is_url
from .reader import RemoteStore
from .root import RemoteRoot

__all__ = ["MERGED", "STATE", "Endpoints", "RemoteRoot", "RemoteStore", "ServerError", "is_url"]
