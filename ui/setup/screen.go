package setup

// FullScreen is false: the first-start form shows under the root's header.
func (m Model) FullScreen() bool { return false }
