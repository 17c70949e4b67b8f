package queue

// FullScreen is false: the queue always shows under the root's tabs.
func (m Model) FullScreen() bool { return false }
