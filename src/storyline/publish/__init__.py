"""``storyline publish``: a static commentary site from threads, briefings and Markdown pieces."""

from __future__ import annotations

from .settings import Author, SiteSettings, load_settings
from .site import PublishReport, build_site

__all__ = ["Author", "PublishReport", "SiteSettings", "build_site", "load_settings"]
