"""Storyline: a narrative-intelligence workbench.

Ingest articles and posts, find who said what and when, follow each actor's
line over time and surface where stories shift or collide — with the exact
character spans that show it.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
