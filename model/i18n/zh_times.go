package i18n

// The words of times read in the contract's zone, responses logged as of
// when they happened, corrected report times, and the command line's
// consistency: kinds, logins, short ids, yes/no, repeated inputs.
func init() {
	add(map[string]string{
		"response time": "响应时间",
	})
}
