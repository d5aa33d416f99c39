"""The kit's maintainer tools, imported one way: ``from tools import browser``; run as ``python -m tools.<name>``
from the kit's folder (``kit.py`` does). ``tools.config`` reads ``kit.toml`` and uses only the standard library, so
``kit.py`` can read it before anything is installed."""
