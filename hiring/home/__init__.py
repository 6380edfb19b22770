"""The home page: each role starts from what it works on. It reads sheets and the catalog,
so it lives above both (see docs/architecture.md)."""
