"""Our spaCy components, one module per claim type. spaCy finds them by entry point."""
