package common

// MinWidth and MinHeight are the smallest terminal the app lays out in
// (DESIGN §6: 80×24); below it a screen says what it needs.
const (
	MinWidth  = 80
	MinHeight = 24
)
