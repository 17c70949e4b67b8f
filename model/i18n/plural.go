package i18n

// Plural words a count: the message one when n is 1, other otherwise,
// applied to args as Tf does ("%d holiday", "%d holidays"). English has
// the two forms; Chinese has one, which the catalogue gives under both
// keys.
func (l Lang) Plural(n int, one, other string, args ...any) string {
	if n == 1 || n == -1 {
		return l.Tf(one, args...)
	}
	return l.Tf(other, args...)
}
