package db

import sqlite "modernc.org/sqlite"

// A database's -wal and -shm files stay beside it between commands, the
// -wal emptied by the checkpoint at close (journal_size_limit(0), in
// pragmas): otherwise every command deleted both when it ended and the
// next made them again. Nothing is lost either way: the checkpoint at
// close still writes every committed page into the database file.
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
