"""Ingestion: load reports (txt, pdf, docx, md), clean them, chunk them."""
