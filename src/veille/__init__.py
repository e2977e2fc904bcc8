"""veille: French news articles to political event data, with provenance."""

__version__ = "0.1.0"


def load(lang: str = "fr"):
    """The spaCy pipeline of `lang` with every veille component (see `veille.pipeline.load`)."""
    from veille.pipeline import load as load_pipeline

    return load_pipeline(lang)
