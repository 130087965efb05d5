"""doithoai: the registry, deadlines and documents of commune dialogue conferences."""

__version__ = "0.4.0"
