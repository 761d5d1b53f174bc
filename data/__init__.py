"""The bundled forum transcript, shipped as the package data forumqa_data (see pyproject.toml)."""
