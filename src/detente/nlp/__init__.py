"""NLP: the spaCy pipeline with detente's components added."""

from detente.nlp.pipeline import load_nlp, make_docs

__all__ = ["load_nlp", "make_docs"]
