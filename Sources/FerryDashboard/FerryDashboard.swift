// The FerryDashboard module: filled in by its issue work.
