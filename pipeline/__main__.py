"""``python -m pipeline``: the ``claims`` command."""

from .cli import main

if __name__ == "__main__":
    main()
