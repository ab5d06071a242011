"""argmap's own plugins. They register exactly as third-party plugins do."""
