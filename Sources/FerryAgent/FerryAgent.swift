// The FerryAgent module: filled in by its issue work.
