"""baocao: an offline assistant answering Vietnamese questions about provincial reports."""

__version__ = "0.1.0"
