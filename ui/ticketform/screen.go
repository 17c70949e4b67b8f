package ticketform

// FullScreen is false: the form needs no signature, so it shows under the
// root's tabs.
func (m Model) FullScreen() bool { return false }
