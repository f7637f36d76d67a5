"""The preview server: ``python build.py serve`` (see ``preview.Preview``)."""

from dateline.serve.preview import Preview

__all__ = ["Preview"]
