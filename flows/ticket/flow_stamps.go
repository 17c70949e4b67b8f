package ticket

// respondedAtInput is when the vendor responded (seed §2.6: the response
// clock stops then): an engineer who phoned back at 10:15 and records it
// at 11:00 logs the response as of 10:15. Absent, it is the decision's
// time.
var respondedAtInput = Input{Name: "responded_at", Label: "response time", Type: InputTime}

// init gives every decision that stamps the response an optional input of
// the response time, as the arrival on site has its arrival time: one rule
// for every table, so no kind's response can only be logged as of now.
func init() {
	for _, f := range flowTables {
		for i := range f.Steps {
			for j := range f.Steps[i].Decisions {
				d := &f.Steps[i].Decisions[j]
				if stamps(d, "responded_at") && d.Input("responded_at") == nil {
					d.Inputs = append(d.Inputs, respondedAtInput)
				}
			}
		}
	}
}

// stamps reports whether decision d sets the ticket time stamp.
func stamps(d *Decision, stamp string) bool {
	for _, s := range d.Stamps {
		if s == stamp {
			return true
		}
	}
	return false
}

// TimeInput is the input giving the time decision d records (a response,
// an arrival on site), or nil when d records none of its own: what the
// command line's --at sets.
func TimeInput(d *Decision) *Input {
	for _, s := range d.Stamps {
		if in := d.Input(s); in != nil && in.Type == InputTime {
			return in
		}
	}
	return nil
}
