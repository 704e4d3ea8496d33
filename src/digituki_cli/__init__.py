"""digituki: how Finland's wellbeing services counties give digital support, from the report."""

__version__ = "0.1.0"
