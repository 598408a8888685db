"""harbor — coding, analytics and support agents sharing one toolbox."""

__version__ = "0.7.2"
