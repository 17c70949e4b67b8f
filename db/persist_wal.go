package db

import sqlite "modernc.org/sqlite"

// A database's -wal and -shm files stay beside it between commands, empty
// once the last connection has checkpointed: deleting them when a command
// ends and making them again when the next begins cost each command two
// file creations, two deletions and a sync of the folder, a quarter of an
// action's time. Nothing is lost either way: the checkpoint at close still
// writes every committed page into the database file.
func init() {
	sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		if p, ok := c.(interface {
			FileControlPersistWAL(string, int) (int, error)
		}); ok {
			_, err := p.FileControlPersistWAL("main", 1)
			return err
		}
		return nil
	})
}
