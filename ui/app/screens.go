package app

import (
	"maps"
	"slices"

	"yunwei/ui/approval"
	"yunwei/ui/common"
	"yunwei/ui/detail"
	"yunwei/ui/queue"
	"yunwei/ui/ticketform"
)

// screen is one row of the root's table: how a screen is built, and where
// it sits in the navigation.
type screen struct {
	// label names the screen on the tabs line, in the trail of screens
	// opened on top, and over its keys in the help (translated when drawn).
	label string
	// tab makes it a home tab: built once the user is known and kept for
	// the whole run, numbered in the order of the enum. Any other screen
	// opens on top of the back stack: built from the NavigateMsg that
	// opens it, dropped when it is left, so it reads its data afresh.
	tab bool
	// afterQueue: the tab loads once the queue has (or when it is opened
	// first), so the queue's first frame and its load have the machine
	// to themselves.
	afterQueue bool
	// yields: a screen it opens takes its place, so back never returns to
	// it (the new-ticket form, finished once it opens the ticket it made).
	yields bool
	// build makes the screen from the message that opens it (for a tab,
	// one that names only the tab).
	build func(d common.Deps, nav common.NavigateMsg) common.Component
}

// screens is the table of every screen the root shows: a new screen is a
// package and one row here.
var screens = map[common.Screen]screen{
	common.ScreenQueue:       {label: "Queue", tab: true, build: fromDeps(queue.New)},
	common.ScreenApprovals:   {label: "Approvals", tab: true, afterQueue: true, build: fromDeps(approval.New)},
	common.ScreenRecords:     {label: "Records", tab: true, build: placeholderTab(common.ScreenRecords)},
	common.ScreenInspections: {label: "Inspections", tab: true, build: placeholderTab(common.ScreenInspections)},
	common.ScreenReports:     {label: "Reports", tab: true, build: placeholderTab(common.ScreenReports)},
	common.ScreenTicket: {label: "Ticket", build: func(d common.Deps, nav common.NavigateMsg) common.Component {
		return common.Adapt(detail.New(d, nav.Ticket))
	}},
	common.ScreenNewTicket: {label: "New ticket", yields: true, build: fromDeps(ticketform.New)},
}

// fromDeps builds a screen that needs nothing but the dependencies.
func fromDeps[M common.Bubble[M], P common.Sizer[M]](newScreen func(common.Deps) M) func(common.Deps, common.NavigateMsg) common.Component {
	return func(d common.Deps, _ common.NavigateMsg) common.Component { return common.Adapt[M, P](newScreen(d)) }
}

// tabs are the home tabs in order.
func tabs() []common.Screen {
	var out []common.Screen
	for _, s := range slices.Sorted(maps.Keys(screens)) {
		if screens[s].tab {
			out = append(out, s)
		}
	}
	return out
}
