"""Reads of sheets, one module per concern; who may see which sheet is decided in `access`.

- `sheets`: one sheet the user may see, its items and reviews;
- `listing`: the list of sheets, its filters, pages and cache key;
- `detail`: what the sheet page shows, each part loaded on first use;
- `posting`: the job posting as candidates read it;
- `choices`: what the editing pages offer (presets, capabilities to add);
- `history`: the recorded changes of a sheet as a timeline.
"""
