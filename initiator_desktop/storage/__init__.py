"""The only package that knows SQL and SQLCipher: the vault, its schema and repository."""
